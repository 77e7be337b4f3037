import { join } from 'node:path';
import type { OperatingMode, Persona, PersonaId } from '../src/shared';
import { DEFAULT_PERSONAS } from '../src/core/agents/personas/persona-defaults';
import type { ToolRegistry } from '../src/core/agents/tools/tool-registry';
import { AuditLog } from '../src/core/audit/audit-log';
import { EventHub } from '../src/core/events/event-hub';
import type { DesktopNotification } from '../src/core/ports';
import { NotificationsService } from '../src/core/notifications/notifications-service';
import type { CallContext, CallOrigin } from '../src/core/policy/call-context';
import { createPolicy } from '../src/core/policy/create-policy';
import { AuditRepo } from '../src/core/store/audit-repo';
import { openDatabase, type Db } from '../src/core/store/database';
import { sqlMigrations } from '../src/core/store/migration-files';
import { migrate } from '../src/core/store/migrations';
import { NotificationsRepo } from '../src/core/store/notifications-repo';
import { recordingLogger } from './recording-logger';
import { makeTempDir } from './temp-dir';

export const testPersona = (id: PersonaId, toolAccess?: string[]): Persona => ({
  ...DEFAULT_PERSONAS[id],
  ...(toolAccess ? { toolAccess } : {}),
  customized: false,
});

/**
 * A real policy gate, approvals queue and audit log over a fresh migrated database, for tests of
 * anything that calls tools. The clock is the test's to move; timers never fire on their own
 * (`policy.approvals.runDue()` sends what is due).
 */
export function policyHarness(options: {
  registry: ToolRegistry;
  db?: Db;
  start?: number;
  personas?: Partial<Record<PersonaId, Persona>>;
}) {
  const dir = options.db ? null : makeTempDir();
  const db = options.db ?? openDatabase(join(dir?.path ?? '', 'izzie.db'));
  if (!options.db) migrate(db, sqlMigrations);
  let now = options.start ?? Date.UTC(2026, 10, 24, 9);
  const clock = { now: () => now };
  const shown: DesktopNotification[] = [];
  const frames: { event: string; payload: unknown }[] = [];
  const events = new EventHub(() => undefined);
  events.subscribe((frame) => void frames.push({ event: frame.event, payload: frame.payload }));
  const audit = new AuditLog(new AuditRepo(db), clock);
  const notifications = new NotificationsService({
    repo: new NotificationsRepo(db),
    notifier: { notify: (n) => void shown.push(n) },
    events,
    clock,
  });
  const persona = (id: PersonaId) => options.personas?.[id] ?? testPersona(id);
  const policy = createPolicy({
    db,
    registry: options.registry,
    audit,
    events,
    clock,
    log: recordingLogger(() => undefined),
    notifications,
    persona,
    fromAddress: () => 'me@example.com',
    setTimer: () => null,
    clearTimer: () => undefined,
  });
  const chat = (threadId = 'thread-1'): CallOrigin => ({ kind: 'chat', threadId, summary: 'Chat: test' });
  const context = (
    id: PersonaId = 'work',
    mode: OperatingMode = 'assistant',
    origin: CallOrigin = chat(),
    confidence: number | null = null,
  ): CallContext => ({
    persona: persona(id),
    mode,
    signal: new AbortController().signal,
    origin,
    confidence,
    toolCallId: `call-${now}`,
  });
  return {
    db,
    policy,
    gate: policy.gate,
    audit,
    shown,
    frames,
    context,
    chat,
    advance: (ms: number) => void (now += ms),
    now: () => now,
    close: () => {
      if (!options.db) db.close();
      dir?.remove();
    },
  };
}

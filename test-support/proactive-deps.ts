import type { DesktopNotification } from '../src/core';
import { AuditLog } from '../src/core/audit/audit-log';
import { EventClassifier } from '../src/core/agents/classifier/event-classifier';
import { DEFAULT_PERSONAS } from '../src/core/agents/personas/persona-defaults';
import { AgentTools } from '../src/core/agents/proactive/agent-tools';
import { NotifierAgent } from '../src/core/agents/proactive/notifier-agent';
import { OrchestratorAgent } from '../src/core/agents/proactive/orchestrator-agent';
import { SchedulerAgent } from '../src/core/agents/proactive/scheduler-agent';
import type { ToolRegistry } from '../src/core/agents/tools/tool-registry';
import type { ProactiveDeps } from '../src/core/engine/functions/proactive-deps';
import { EventHub } from '../src/core/events/event-hub';
import type { ModelRouter } from '../src/core/models/model-types';
import { NotificationsService } from '../src/core/notifications/notifications-service';
import type { Clock } from '../src/core/ports';
import { createPolicy } from '../src/core/policy/create-policy';
import { AuditRepo } from '../src/core/store/audit-repo';
import { ClassificationsRepo } from '../src/core/store/classifications-repo';
import type { Db } from '../src/core/store/database';
import { DigestsRepo } from '../src/core/store/digests-repo';
import { NotificationsRepo } from '../src/core/store/notifications-repo';
import { TriageRepo } from '../src/core/store/triage-repo';
import { recordingLogger } from './recording-logger';

/**
 * The built-in functions' dependencies on real parts over a test database: the given tool registry
 * (fake tools stand in for connected accounts) and model router, behind a real policy gate;
 * notifications are recorded.
 */
export function proactiveDeps(options: { db: Db; clock: Clock; registry: ToolRegistry; router: ModelRouter }) {
  const shown: DesktopNotification[] = [];
  const persona = (id: 'work' | 'personal') => ({ ...DEFAULT_PERSONAS[id], customized: false });
  const log = recordingLogger(() => undefined);
  const events = new EventHub(() => undefined);
  const notifications = new NotificationsService({
    repo: new NotificationsRepo(options.db),
    notifier: { notify: (n) => void shown.push(n) },
    events,
    clock: options.clock,
  });
  const policy = createPolicy({
    db: options.db,
    registry: options.registry,
    audit: new AuditLog(new AuditRepo(options.db), options.clock),
    events,
    clock: options.clock,
    log,
    notifications,
    persona,
    fromAddress: () => null,
  });
  const tools = new AgentTools({ gate: policy.gate, persona });
  const deps: ProactiveDeps = {
    classifier: new EventClassifier({
      router: options.router,
      cache: new ClassificationsRepo(options.db),
      clock: options.clock,
      log,
    }),
    scheduler: new SchedulerAgent(tools),
    notifier: new NotifierAgent({ router: options.router, tools }),
    orchestrator: new OrchestratorAgent({
      router: options.router,
      gate: policy.gate,
      memory: { find: async () => ({ memories: [], relations: [], vectorUsed: false }) },
    }),
    tools,
    triage: new TriageRepo(options.db),
    notifications,
    digests: new DigestsRepo(options.db),
    persona,
    pendingApprovals: () => policy.pendingForDigest(),
    onDigest: () => undefined,
    clock: options.clock,
  };
  return { deps, shown, policy };
}

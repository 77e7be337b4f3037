import type { DesktopNotification } from '../src/core';
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
import { ClassificationsRepo } from '../src/core/store/classifications-repo';
import type { Db } from '../src/core/store/database';
import { DigestsRepo } from '../src/core/store/digests-repo';
import { NotificationsRepo } from '../src/core/store/notifications-repo';
import { TriageRepo } from '../src/core/store/triage-repo';
import { recordingLogger } from './recording-logger';

/**
 * The built-in functions' dependencies on real parts over a test database: the given tool registry
 * (fake tools stand in for connected accounts) and model router; notifications are recorded.
 */
export function proactiveDeps(options: { db: Db; clock: Clock; registry: ToolRegistry; router: ModelRouter }) {
  const shown: DesktopNotification[] = [];
  const persona = (id: 'work' | 'personal') => ({ ...DEFAULT_PERSONAS[id], customized: false });
  const tools = new AgentTools({ registry: options.registry, persona });
  const log = recordingLogger(() => undefined);
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
      registry: options.registry,
      memory: { find: async () => ({ memories: [], relations: [], vectorUsed: false }) },
    }),
    tools,
    triage: new TriageRepo(options.db),
    notifications: new NotificationsService({
      repo: new NotificationsRepo(options.db),
      notifier: { notify: (n) => void shown.push(n) },
      events: new EventHub(() => undefined),
      clock: options.clock,
    }),
    digests: new DigestsRepo(options.db),
    persona,
    pendingApprovals: () => [],
    onDigest: () => undefined,
    clock: options.clock,
  };
  return { deps, shown };
}

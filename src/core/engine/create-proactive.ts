import type { DigestItem, PersonaId } from '../../shared';
import { EventClassifier } from '../agents/classifier/event-classifier';
import type { PersonasService } from '../agents/personas/personas-service';
import { AgentTools } from '../agents/proactive/agent-tools';
import { NotifierAgent } from '../agents/proactive/notifier-agent';
import { OrchestratorAgent } from '../agents/proactive/orchestrator-agent';
import { SchedulerAgent } from '../agents/proactive/scheduler-agent';
import type { PolicyGate } from '../policy/policy-gate';
import type { EventHub } from '../events/event-hub';
import type { IntegrationsService } from '../integrations/connections/integrations-service';
import type { Logger } from '../log/logger';
import type { MemoryService } from '../memory/memory-service';
import type { ModelRouter } from '../models/model-types';
import type { NotificationsService } from '../notifications/notifications-service';
import type { CorePorts } from '../ports';
import type { SettingsService } from '../settings/settings-service';
import { ClassificationsRepo } from '../store/classifications-repo';
import type { Db } from '../store/database';
import { DigestsRepo } from '../store/digests-repo';
import { EngineEventsRepo } from '../store/engine-events-repo';
import { EngineRunsRepo } from '../store/engine-runs-repo';
import type { IngressRepo } from '../store/ingress-repo';
import { TriageRepo } from '../store/triage-repo';
import { ActivityService } from './activity-service';
import { Engine } from './engine';
import type { EngineFunction } from './engine-function';
import { inboundFunctions } from './functions/inbound-functions';
import { meetingReminder } from './functions/meeting-reminder';
import { memoryRetention } from './functions/memory-retention';
import { digestCron, morningDigest } from './functions/morning-digest';
import type { ProactiveDeps } from './functions/proactive-deps';
import { PollingIngress } from './ingress/polling-ingress';

export interface EngineOptions {
  /** Functions beside the built-in ones (the kill trials register theirs here). */
  readonly functions?: readonly EngineFunction[];
  readonly maxConcurrentRuns?: number;
  /** How often the engine looks for work with nothing due (default 30 s); tests move a fake clock. */
  readonly idleCheckMs?: number;
}

export interface Proactive {
  readonly engine: Engine;
  readonly ingress: PollingIngress;
  readonly activity: ActivityService;
  readonly notifications: NotificationsService;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Izzie's heartbeat, wired: the engine with the built-in functions, the role agents they use, the
 * pollers of connected accounts, notifications and the Activity view. Pause (Settings, tray) stops
 * cron, polling and new runs; moving the digest time reschedules it.
 */
export function createProactive(deps: {
  db: Db;
  ports: CorePorts;
  events: EventHub;
  log: Logger;
  settings: SettingsService;
  personas: PersonasService;
  gate: PolicyGate;
  notifications: NotificationsService;
  pendingApprovals: () => DigestItem[];
  router: ModelRouter;
  memory: MemoryService;
  integrations: IntegrationsService;
  ingressRepo: IngressRepo;
  options?: EngineOptions;
}): Proactive {
  const { db, ports, events } = deps;
  const clock = ports.clock;
  const initial = deps.settings.get();
  let paused = initial.proactivePaused;
  const runs = new EngineRunsRepo(db);
  const eventsRepo = new EngineEventsRepo(db);
  const digests = new DigestsRepo(db);
  const activity = new ActivityService({ runs, events: eventsRepo, digests, hub: events, now: () => clock.now() });
  const notifications = deps.notifications;
  const persona = (id: PersonaId) => deps.personas.get(id);
  const tools = new AgentTools({ gate: deps.gate, persona });
  const classifier = new EventClassifier({
    router: deps.router,
    cache: new ClassificationsRepo(db),
    clock,
    log: deps.log.child('classifier'),
  });
  const proactive: ProactiveDeps = {
    classifier,
    scheduler: new SchedulerAgent(tools),
    notifier: new NotifierAgent({ router: deps.router, tools }),
    orchestrator: new OrchestratorAgent({ router: deps.router, gate: deps.gate, memory: deps.memory }),
    tools,
    triage: new TriageRepo(db),
    notifications,
    digests,
    persona,
    pendingApprovals: deps.pendingApprovals,
    onDigest: () => activity.digestReady(),
    clock,
  };
  const engine = new Engine({
    events: eventsRepo,
    runs,
    functions: [
      morningDigest(proactive, initial.digestTime),
      ...inboundFunctions(proactive),
      meetingReminder(proactive),
      memoryRetention(deps.memory, classifier),
      ...(deps.options?.functions ?? []),
    ],
    clock,
    log: deps.log.child('engine'),
    paused: () => paused,
    ...(deps.options?.maxConcurrentRuns ? { maxConcurrentRuns: deps.options.maxConcurrentRuns } : {}),
    ...(deps.options?.idleCheckMs ? { idleCheckMs: deps.options.idleCheckMs } : {}),
    onRunChanged: (id) => activity.runChanged(id),
    onStepStarted: (id, name) => activity.stepStarted(id, name),
    onStepSaved: (step) => activity.stepSaved(step),
  });
  const ingress = new PollingIngress({
    repo: deps.ingressRepo,
    publish: (event) => engine.bus.publish(event),
    sources: () => deps.integrations.pollSources(),
    clock,
    log: deps.log.child('ingress'),
    paused: () => paused,
    onError: (source, error) => deps.integrations.onPollError(source.id, error),
  });
  activity.attach(engine, ingress);
  let digestTime = initial.digestTime;
  events.on('settings.changed', (next) => {
    const resumed = paused && !next.proactivePaused;
    paused = next.proactivePaused;
    if (next.digestTime !== digestTime) {
      digestTime = next.digestTime;
      engine.reschedule('morning-digest', { cron: digestCron(digestTime), missed: 'once' });
    }
    if (resumed) {
      engine.wake();
      ingress.wake();
    }
  });
  return {
    engine,
    ingress,
    activity,
    notifications,
    start: () => {
      engine.start();
      ingress.start();
    },
    stop: async () => {
      await ingress.stop();
      await engine.stop();
      activity.stop();
    },
  };
}

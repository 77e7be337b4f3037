import { DEFAULT_POLICY, PolicySettings } from '../../shared';
import type { EventHub } from '../events/event-hub';
import type { Logger } from '../log/logger';
import type { Clock } from '../ports';
import type { PolicySettingsRepo } from '../store/policy-settings-repo';

/**
 * Settings → Permissions. A stored document that no longer parses falls back to the defaults, loudly.
 * Read once and kept: the gate asks on every tool call, and only `update` changes it.
 */
export class PolicySettingsService {
  private cached: PolicySettings | null = null;

  constructor(
    private readonly deps: {
      repo: PolicySettingsRepo;
      clock: Clock;
      log: Logger;
      events: EventHub;
    },
  ) {}

  get(): PolicySettings {
    this.cached ??= this.read();
    return this.cached;
  }

  private read(): PolicySettings {
    const stored = this.deps.repo.read();
    if (stored === null) return DEFAULT_POLICY;
    const parsed = PolicySettings.safeParse({ ...DEFAULT_POLICY, ...(stored as object) });
    if (parsed.success) return parsed.data;
    this.deps.log.error('the stored permissions do not parse; using the defaults', { issues: parsed.error.issues });
    return DEFAULT_POLICY;
  }

  update(patch: Partial<PolicySettings>): PolicySettings {
    const next = PolicySettings.parse({ ...this.get(), ...patch });
    this.deps.repo.write(next, this.deps.clock.now());
    this.cached = next;
    this.deps.events.emit('policy.changed', next);
    return next;
  }
}

import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '../../shared';
import type { EventHub } from '../events/event-hub';
import type { Logger } from '../log/logger';
import type { Clock } from '../ports';
import type { SettingsRepo } from '../store/settings-repo';

export class SettingsService {
  constructor(
    private readonly repo: SettingsRepo,
    private readonly events: EventHub,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Stored values over defaults; a value that no longer parses falls back to its default. */
  get(): Settings {
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const row of this.repo.all()) {
      if (!Object.hasOwn(Settings.shape, row.key)) continue;
      const field = Settings.shape[row.key as keyof Settings];
      const parsed = field.safeParse(safeJson(row.value));
      if (parsed.success) merged[row.key] = parsed.data;
      else this.log.warn('ignoring an invalid stored setting; using its default', { key: row.key });
    }
    return Settings.parse(merged);
  }

  set(patch: SettingsPatch): Settings {
    const entries = Object.entries(patch).map(([key, value]) => [key, JSON.stringify(value)] as const);
    this.repo.putMany(entries, this.clock.now());
    const settings = this.get();
    this.events.emit('settings.changed', settings);
    return settings;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

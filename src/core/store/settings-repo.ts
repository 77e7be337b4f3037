import type { Db } from './database';

export interface SettingRow {
  key: string;
  value: string;
}

/** Raw key/value storage; the settings service owns parsing and defaults. */
export class SettingsRepo {
  constructor(private readonly db: Db) {}

  all(): SettingRow[] {
    return this.db.prepare('SELECT key, value FROM settings').all() as SettingRow[];
  }

  putMany(entries: ReadonlyArray<readonly [string, string]>, at: number): void {
    const put = this.db.prepare(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
    this.db.transaction(() => {
      for (const [key, value] of entries) put.run(key, value, at);
    })();
  }
}

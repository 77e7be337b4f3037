import type { Db } from './database';

/** Settings → Permissions as one JSON document; the policy layer validates and fills defaults. */
export class PolicySettingsRepo {
  constructor(private readonly db: Db) {}

  read(): unknown {
    const row = this.db.prepare('SELECT value FROM policy_settings WHERE id = 1').get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as unknown) : null;
  }

  write(value: unknown, at: number): void {
    this.db
      .prepare(
        'INSERT INTO policy_settings (id, value, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      )
      .run(JSON.stringify(value), at);
  }
}

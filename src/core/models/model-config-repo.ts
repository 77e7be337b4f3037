import type { Db } from '../store/database';

export interface ProviderRow {
  kind: string;
  base_url: string;
  timeout_ms: number;
  updated_at: number;
}

export interface TierRow {
  tier: string;
  model: string;
  max_tokens: number;
  temperature: number;
  fallback_model: string | null;
  updated_at: number;
}

/** Raw rows of migration 0005; the config service owns validation and defaults. */
export class ModelConfigRepo {
  constructor(private readonly db: Db) {}

  provider(): ProviderRow | null {
    const row = this.db.prepare('SELECT kind, base_url, timeout_ms, updated_at FROM model_provider WHERE id = 1').get();
    return (row as ProviderRow | undefined) ?? null;
  }

  putProvider(row: ProviderRow): void {
    this.db
      .prepare(
        `INSERT INTO model_provider (id, kind, base_url, timeout_ms, updated_at) VALUES (1, @kind, @base_url, @timeout_ms, @updated_at)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, base_url = excluded.base_url,
           timeout_ms = excluded.timeout_ms, updated_at = excluded.updated_at`,
      )
      .run(row);
  }

  deleteProvider(): void {
    this.db.prepare('DELETE FROM model_provider').run();
  }

  tiers(): TierRow[] {
    return this.db
      .prepare('SELECT tier, model, max_tokens, temperature, fallback_model, updated_at FROM model_tiers')
      .all() as TierRow[];
  }

  putTier(row: TierRow): void {
    this.db
      .prepare(
        `INSERT INTO model_tiers (tier, model, max_tokens, temperature, fallback_model, updated_at)
         VALUES (@tier, @model, @max_tokens, @temperature, @fallback_model, @updated_at)
         ON CONFLICT (tier) DO UPDATE SET model = excluded.model, max_tokens = excluded.max_tokens,
           temperature = excluded.temperature, fallback_model = excluded.fallback_model, updated_at = excluded.updated_at`,
      )
      .run(row);
  }

  deleteTier(tier: string): void {
    this.db.prepare('DELETE FROM model_tiers WHERE tier = ?').run(tier);
  }
}

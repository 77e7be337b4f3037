import { ConnectMethod, IntegrationId, Problem } from '../../shared';
import type { Db } from './database';

export interface StoredIntegration {
  readonly id: IntegrationId;
  readonly method: ConnectMethod;
  readonly account: string;
  readonly scopes: readonly string[];
  readonly baseUrl: string | null;
  /** Non-secret settings (client ID, account SID, number). */
  readonly settings: Readonly<Record<string, string>>;
  readonly status: 'connected' | 'disconnected';
  readonly lastError: Problem | null;
  readonly connectedAt: number;
}

interface Row {
  id: string;
  method: string;
  account: string;
  scopes: string;
  base_url: string | null;
  settings: string;
  status: 'connected' | 'disconnected';
  last_error: string | null;
  connected_at: number;
}

export class IntegrationsRepo {
  constructor(private readonly db: Db) {}

  all(): StoredIntegration[] {
    return (this.db.prepare('SELECT * FROM integrations ORDER BY id').all() as Row[]).map(fromRow);
  }

  get(id: IntegrationId): StoredIntegration | null {
    const row = this.db.prepare('SELECT * FROM integrations WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  put(value: StoredIntegration, at: number): void {
    this.db
      .prepare(
        `INSERT INTO integrations (id, method, account, scopes, base_url, settings, status, last_error, connected_at, updated_at)
         VALUES (@id, @method, @account, @scopes, @baseUrl, @settings, @status, @lastError, @connectedAt, @at)
         ON CONFLICT (id) DO UPDATE SET method = excluded.method, account = excluded.account, scopes = excluded.scopes,
           base_url = excluded.base_url, settings = excluded.settings, status = excluded.status,
           last_error = excluded.last_error, connected_at = excluded.connected_at, updated_at = excluded.updated_at`,
      )
      .run({
        id: value.id,
        method: value.method,
        account: value.account,
        scopes: JSON.stringify(value.scopes),
        baseUrl: value.baseUrl,
        settings: JSON.stringify(value.settings),
        status: value.status,
        lastError: value.lastError ? JSON.stringify(value.lastError) : null,
        connectedAt: value.connectedAt,
        at,
      });
  }

  delete(id: IntegrationId): void {
    this.db.prepare('DELETE FROM integrations WHERE id = ?').run(id);
  }
}

function fromRow(row: Row): StoredIntegration {
  return {
    id: IntegrationId.parse(row.id),
    method: ConnectMethod.parse(row.method),
    account: row.account,
    scopes: stringArray(JSON.parse(row.scopes)),
    baseUrl: row.base_url,
    settings: stringRecord(JSON.parse(row.settings)),
    status: row.status,
    lastError: row.last_error ? Problem.parse(JSON.parse(row.last_error)) : null,
    connectedAt: row.connected_at,
  };
}

export function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

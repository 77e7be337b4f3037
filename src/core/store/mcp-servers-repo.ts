import type { Db } from './database';
import { stringArray } from './integrations-repo';

export type StoredMcpServer =
  | {
      readonly id: string;
      readonly transport: 'stdio';
      readonly command: string;
      readonly args: readonly string[];
      readonly cwd: string | null;
      /** Environment variables whose values are in the vault, in order (`mcp.<id>.env.<n>`). */
      readonly secretNames: readonly string[];
      readonly consentedCommand: string | null;
      readonly enabled: boolean;
    }
  | {
      readonly id: string;
      readonly transport: 'http';
      readonly url: string;
      /** Headers whose values are in the vault, in order (`mcp.<id>.header.<n>`). */
      readonly secretNames: readonly string[];
      readonly enabled: boolean;
    };

interface Row {
  id: string;
  transport: 'stdio' | 'http';
  command: string | null;
  args: string;
  cwd: string | null;
  url: string | null;
  secret_names: string;
  consented_command: string | null;
  enabled: 0 | 1;
}

export class McpServersRepo {
  constructor(private readonly db: Db) {}

  all(): StoredMcpServer[] {
    return (this.db.prepare('SELECT * FROM mcp_servers ORDER BY created_at, id').all() as Row[]).map(fromRow);
  }

  get(id: string): StoredMcpServer | null {
    const row = this.db.prepare('SELECT * FROM mcp_servers WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  insert(server: StoredMcpServer, at: number): void {
    this.db
      .prepare(
        `INSERT INTO mcp_servers (id, transport, command, args, cwd, url, secret_names, consented_command, enabled, created_at, updated_at)
         VALUES (@id, @transport, @command, @args, @cwd, @url, @secretNames, @consented, @enabled, @at, @at)`,
      )
      .run({
        id: server.id,
        transport: server.transport,
        command: server.transport === 'stdio' ? server.command : null,
        args: JSON.stringify(server.transport === 'stdio' ? server.args : []),
        cwd: server.transport === 'stdio' ? server.cwd : null,
        url: server.transport === 'http' ? server.url : null,
        secretNames: JSON.stringify(server.secretNames),
        consented: server.transport === 'stdio' ? server.consentedCommand : null,
        enabled: server.enabled ? 1 : 0,
        at,
      });
  }

  setConsent(id: string, commandLine: string, at: number): void {
    this.db.prepare('UPDATE mcp_servers SET consented_command = ?, updated_at = ? WHERE id = ?').run(commandLine, at, id);
  }

  setEnabled(id: string, enabled: boolean, at: number): void {
    this.db.prepare('UPDATE mcp_servers SET enabled = ?, updated_at = ? WHERE id = ?').run(enabled ? 1 : 0, at, id);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM mcp_servers WHERE id = ?').run(id).changes > 0;
  }
}

function fromRow(row: Row): StoredMcpServer {
  const secretNames = stringArray(JSON.parse(row.secret_names));
  if (row.transport === 'http') {
    return { id: row.id, transport: 'http', url: row.url ?? '', secretNames, enabled: row.enabled === 1 };
  }
  return {
    id: row.id,
    transport: 'stdio',
    command: row.command ?? '',
    args: stringArray(JSON.parse(row.args)),
    cwd: row.cwd,
    secretNames,
    consentedCommand: row.consented_command,
    enabled: row.enabled === 1,
  };
}

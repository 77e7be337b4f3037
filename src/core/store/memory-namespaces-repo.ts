import { PersonaId } from '../../shared';
import type { Db } from './database';

export interface NamespaceConfig {
  readonly namespace: string;
  /** Null keeps memories forever. */
  readonly retentionDays: number | null;
  /** The personas that may read it (seed: accessContexts). */
  readonly access: readonly PersonaId[];
  readonly builtin: boolean;
}

interface Row {
  namespace: string;
  retention_days: number | null;
  access: string;
  builtin: 0 | 1;
}

/** Retention and access per memory namespace; the seed's five are seeded by migration 0008. */
export class MemoryNamespacesRepo {
  constructor(private readonly db: Db) {}

  all(): NamespaceConfig[] {
    return (this.db.prepare('SELECT * FROM memory_namespaces ORDER BY builtin DESC, namespace').all() as Row[]).map(fromRow);
  }

  get(namespace: string): NamespaceConfig | null {
    const row = this.db.prepare('SELECT * FROM memory_namespaces WHERE namespace = ?').get(namespace) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** A namespace a persona named itself: readable by that persona, kept a year like work and personal. */
  ensure(namespace: string, persona: PersonaId): NamespaceConfig {
    this.db
      .prepare(
        `INSERT INTO memory_namespaces (namespace, retention_days, access, builtin) VALUES (?, 365, ?, 0)
         ON CONFLICT (namespace) DO NOTHING`,
      )
      .run(namespace, JSON.stringify([persona]));
    const config = this.get(namespace);
    if (!config) throw new Error(`namespace ${namespace} could not be recorded`);
    return config;
  }

  setRetention(namespace: string, retentionDays: number | null): boolean {
    return (
      this.db.prepare('UPDATE memory_namespaces SET retention_days = ? WHERE namespace = ?').run(retentionDays, namespace)
        .changes > 0
    );
  }

  counts(): Map<string, number> {
    const rows = this.db.prepare('SELECT namespace, count(*) AS n FROM memories GROUP BY namespace').all() as {
      namespace: string;
      n: number;
    }[];
    return new Map(rows.map((r) => [r.namespace, r.n]));
  }
}

function fromRow(row: Row): NamespaceConfig {
  return {
    namespace: row.namespace,
    retentionDays: row.retention_days,
    access: PersonaId.array().parse(JSON.parse(row.access)),
    builtin: row.builtin === 1,
  };
}

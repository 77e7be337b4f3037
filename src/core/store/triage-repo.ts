import type { Db } from './database';
import { StatementCache } from './statement-cache';

export interface TriageRow {
  readonly eventId: string;
  readonly eventType: string;
  /** JSON text of a ClassificationResult. */
  readonly classification: string;
  readonly headline: string;
  readonly createdAt: number;
  /** The event's data, JSON text (for links and details in the digest). */
  readonly data: string;
}

export class TriageRepo {
  private readonly sql: StatementCache;

  constructor(db: Db) {
    this.sql = new StatementCache(db, 8);
  }

  put(row: Omit<TriageRow, 'data'>): void {
    this.sql
      .get(
        `INSERT INTO triage (event_id, event_type, classification, headline, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (event_id) DO UPDATE SET classification = excluded.classification, headline = excluded.headline`,
      )
      .run(row.eventId, row.eventType, row.classification, row.headline, row.createdAt);
  }

  /** One event's triage: its headline and the classifier's verdict (JSON text). */
  get(eventId: string): { headline: string; classification: string; createdAt: number } | null {
    const row = this.sql.get('SELECT headline, classification, created_at FROM triage WHERE event_id = ?').get(eventId) as
      { headline: string; classification: string; created_at: number } | undefined;
    return row ? { headline: row.headline, classification: row.classification, createdAt: row.created_at } : null;
  }

  /** Triage of events of a type (a `prefix%` pattern) since a time, newest first. */
  since(typePattern: string, from: number, limit: number): TriageRow[] {
    const rows = this.sql
      .get(
        `SELECT t.event_id, t.event_type, t.classification, t.headline, t.created_at, e.data
         FROM triage t JOIN engine_events e ON e.id = t.event_id
         WHERE t.event_type LIKE ? AND t.created_at >= ? ORDER BY t.created_at DESC LIMIT ?`,
      )
      .all(typePattern, from, limit) as Array<{
      event_id: string;
      event_type: string;
      classification: string;
      headline: string;
      created_at: number;
      data: string;
    }>;
    return rows.map((r) => ({
      eventId: r.event_id,
      eventType: r.event_type,
      classification: r.classification,
      headline: r.headline,
      createdAt: r.created_at,
      data: r.data,
    }));
  }
}

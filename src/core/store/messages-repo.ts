import type { Message, MessageRole, ToolCall } from '../../shared';
import type { Db } from './database';

interface MessageRow {
  rowid: number;
  id: string;
  thread_id: string;
  role: MessageRole;
  content: string;
  created_at: number;
  delivery_error_code: string | null;
  delivery_error_message: string | null;
  status: Message['status'];
  model: string | null;
  tokens_in: number | null;
  tokens_out: number | null;
  cost_usd: number | null;
  latency_ms: number | null;
}

interface ToolCallRow {
  id: string;
  message_id: string;
  name: string;
  arguments: string;
  result: string | null;
  status: ToolCall['status'];
  started_at: number;
  duration_ms: number | null;
}

export interface SearchHit {
  readonly messageId: string;
  readonly threadId: string;
  readonly threadTitle: string;
  readonly role: MessageRole;
  readonly createdAt: number;
  readonly snippet: string;
}

const COLUMNS = 'rowid, *';

export class MessagesRepo {
  constructor(private readonly db: Db) {}

  /** Newest `limit` messages older than `before` (ms), returned oldest first for display. */
  page(threadId: string, limit: number, before?: number): Message[] {
    const rows = this.db
      .prepare(
        `SELECT ${COLUMNS} FROM messages WHERE thread_id = ? AND created_at < ? ORDER BY created_at DESC, rowid DESC LIMIT ?`,
      )
      .all(threadId, before ?? Number.MAX_SAFE_INTEGER, limit) as MessageRow[];
    return this.withToolCalls(rows.reverse());
  }

  /** Every message of a thread, oldest first (for building a model's context). */
  all(threadId: string): Message[] {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM messages WHERE thread_id = ? ORDER BY created_at, rowid`)
      .all(threadId) as MessageRow[];
    return this.withToolCalls(rows);
  }

  get(id: string): Message | null {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM messages WHERE id = ?`).get(id) as MessageRow | undefined;
    return row ? (this.withToolCalls([row])[0] ?? null) : null;
  }

  insert(message: Message): void {
    this.db
      .prepare(
        `INSERT INTO messages (id, thread_id, role, content, created_at, delivery_error_code, delivery_error_message, status,
           model, tokens_in, tokens_out, cost_usd, latency_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        message.id,
        message.threadId,
        message.role,
        message.content,
        message.createdAt,
        message.deliveryError?.code ?? null,
        message.deliveryError?.message ?? null,
        message.status,
        message.usage?.model ?? null,
        message.usage?.promptTokens ?? null,
        message.usage?.completionTokens ?? null,
        message.usage?.costUsd ?? null,
        message.usage?.latencyMs ?? null,
      );
  }

  /** Writes a message's mutable fields (content, status, delivery error, usage). */
  update(message: Message): void {
    this.db
      .prepare(
        `UPDATE messages SET content = ?, status = ?, delivery_error_code = ?, delivery_error_message = ?,
           model = ?, tokens_in = ?, tokens_out = ?, cost_usd = ?, latency_ms = ? WHERE id = ?`,
      )
      .run(
        message.content,
        message.status,
        message.deliveryError?.code ?? null,
        message.deliveryError?.message ?? null,
        message.usage?.model ?? null,
        message.usage?.promptTokens ?? null,
        message.usage?.completionTokens ?? null,
        message.usage?.costUsd ?? null,
        message.usage?.latencyMs ?? null,
        message.id,
      );
  }

  /** Deletes every message of a thread created after `createdAt`; returns their ids. */
  deleteAfter(threadId: string, createdAt: number): string[] {
    return this.db.transaction(() => {
      const ids = (
        this.db.prepare('SELECT id FROM messages WHERE thread_id = ? AND created_at > ?').all(threadId, createdAt) as Array<{
          id: string;
        }>
      ).map((r) => r.id);
      this.db.prepare('DELETE FROM messages WHERE thread_id = ? AND created_at > ?').run(threadId, createdAt);
      return ids;
    })();
  }

  /** Replies still marked streaming after a crash were cut off: say so. Returns how many. */
  markInterruptedReplies(): number {
    return this.db.prepare("UPDATE messages SET status = 'stopped' WHERE status = 'streaming'").run().changes;
  }

  /** The newest message time in a thread, so a new message can be ordered strictly after it. */
  latestCreatedAt(threadId: string): number | null {
    const row = this.db.prepare('SELECT MAX(created_at) AS at FROM messages WHERE thread_id = ?').get(threadId) as {
      at: number | null;
    };
    return row.at;
  }

  /**
   * Saves a tool card and returns what is stored. A settled outcome (its approval was decided or
   * sent) is never replaced by "pending": with no undo window, a granted send can finish before the
   * reply records that it was queued.
   */
  upsertToolCall(messageId: string, seq: number, call: ToolCall): ToolCall {
    const stored = this.db
      .prepare(
        `INSERT INTO tool_calls (id, message_id, seq, name, arguments, result, status, started_at, duration_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET
           result = CASE WHEN excluded.status = 'pending' AND tool_calls.status IN ('ok', 'error', 'denied') THEN tool_calls.result ELSE excluded.result END,
           status = CASE WHEN excluded.status = 'pending' AND tool_calls.status IN ('ok', 'error', 'denied') THEN tool_calls.status ELSE excluded.status END,
           duration_ms = excluded.duration_ms
         RETURNING status, result`,
      )
      .get(call.id, messageId, seq, call.name, call.arguments, call.result, call.status, call.startedAt, call.durationMs) as {
      status: ToolCall['status'];
      result: string | null;
    };
    return { ...call, status: stored.status, result: stored.result };
  }

  /** A waiting (or still running) tool call's outcome, once its approval is decided; the reply's id, or null. */
  settleToolCall(id: string, status: ToolCall['status'], result: string): string | null {
    const row = this.db
      .prepare(
        `UPDATE tool_calls SET status = ?, result = ? WHERE id = ? AND status IN ('running', 'pending') RETURNING message_id`,
      )
      .get(status, result, id) as { message_id: string } | undefined;
    return row?.message_id ?? null;
  }

  /**
   * Keyword search (FTS5) over the messages of threads with the given persona, newest first.
   * The query is turned into quoted terms, so FTS5 syntax in it cannot fail or widen the search.
   */
  search(text: string, persona: string, limit: number): SearchHit[] {
    const terms = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
    if (terms.length === 0) return [];
    const match = terms.map((t) => `"${t}"`).join(' ');
    const rows = this.db
      .prepare(
        `SELECT m.id, m.thread_id, t.title, m.role, m.created_at, snippet(messages_fts, 0, '«', '»', '…', 16) AS snippet
         FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid JOIN threads t ON t.id = m.thread_id
         WHERE messages_fts MATCH ? AND t.persona = ? ORDER BY rank LIMIT ?`,
      )
      .all(match, persona, limit) as Array<{
      id: string;
      thread_id: string;
      title: string;
      role: MessageRole;
      created_at: number;
      snippet: string;
    }>;
    return rows.map((r) => ({
      messageId: r.id,
      threadId: r.thread_id,
      threadTitle: r.title,
      role: r.role,
      createdAt: r.created_at,
      snippet: r.snippet,
    }));
  }

  private withToolCalls(rows: MessageRow[]): Message[] {
    const byMessage = new Map<string, ToolCall[]>();
    const replies = rows.filter((r) => r.role === 'assistant').map((r) => r.id);
    if (replies.length > 0) {
      const calls = this.db
        .prepare(`SELECT * FROM tool_calls WHERE message_id IN (${replies.map(() => '?').join(',')}) ORDER BY message_id, seq`)
        .all(...replies) as ToolCallRow[];
      for (const c of calls) {
        const list = byMessage.get(c.message_id) ?? [];
        list.push({
          id: c.id,
          name: c.name,
          arguments: c.arguments,
          result: c.result,
          status: c.status,
          startedAt: c.started_at,
          durationMs: c.duration_ms,
        });
        byMessage.set(c.message_id, list);
      }
    }
    return rows.map((row) => toMessage(row, byMessage.get(row.id) ?? []));
  }
}

function toMessage(row: MessageRow, toolCalls: ToolCall[]): Message {
  return {
    id: row.id,
    threadId: row.thread_id,
    role: row.role,
    content: row.content,
    createdAt: row.created_at,
    deliveryError:
      row.delivery_error_code === null ? null : { code: row.delivery_error_code, message: row.delivery_error_message ?? '' },
    status: row.status,
    usage:
      row.model === null
        ? null
        : {
            model: row.model,
            promptTokens: row.tokens_in ?? 0,
            completionTokens: row.tokens_out ?? 0,
            costUsd: row.cost_usd,
            latencyMs: row.latency_ms ?? 0,
          },
    toolCalls,
  };
}

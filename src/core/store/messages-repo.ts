import type { Message, MessageRole } from '../../shared';
import type { Db } from './database';

interface MessageRow {
  id: string;
  thread_id: string;
  role: MessageRole;
  content: string;
  created_at: number;
  delivery_error_code: string | null;
  delivery_error_message: string | null;
}

export class MessagesRepo {
  constructor(private readonly db: Db) {}

  /** Newest `limit` messages older than `before` (ms), returned oldest first for display. */
  page(threadId: string, limit: number, before?: number): Message[] {
    const rows = this.db
      .prepare(`SELECT * FROM messages WHERE thread_id = ? AND created_at < ? ORDER BY created_at DESC, rowid DESC LIMIT ?`)
      .all(threadId, before ?? Number.MAX_SAFE_INTEGER, limit) as MessageRow[];
    return rows.reverse().map(toMessage);
  }

  insert(message: Message): void {
    this.db
      .prepare(
        `INSERT INTO messages (id, thread_id, role, content, created_at, delivery_error_code, delivery_error_message)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        message.id,
        message.threadId,
        message.role,
        message.content,
        message.createdAt,
        message.deliveryError?.code ?? null,
        message.deliveryError?.message ?? null,
      );
  }

  /** The newest message time in a thread, so a new message can be ordered strictly after it. */
  latestCreatedAt(threadId: string): number | null {
    const row = this.db.prepare('SELECT MAX(created_at) AS at FROM messages WHERE thread_id = ?').get(threadId) as {
      at: number | null;
    };
    return row.at;
  }
}

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    threadId: row.thread_id,
    role: row.role,
    content: row.content,
    createdAt: row.created_at,
    deliveryError:
      row.delivery_error_code === null ? null : { code: row.delivery_error_code, message: row.delivery_error_message ?? '' },
  };
}

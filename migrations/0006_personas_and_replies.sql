-- Personas (seed: Agent Persona Model). Rows exist only for personas the user edited; the code
-- holds the defaults, so improving a default prompt needs no migration.
CREATE TABLE personas (
  id TEXT PRIMARY KEY CHECK (id IN ('work', 'personal')),
  system_prompt TEXT NOT NULL,
  communication_style TEXT NOT NULL CHECK (communication_style IN ('formal', 'casual')),
  tool_access TEXT NOT NULL, -- JSON array of tool names
  memory_namespace TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- Each thread speaks with one persona, in one mode (seed: Operating Modes).
ALTER TABLE threads ADD COLUMN persona TEXT NOT NULL DEFAULT 'work' CHECK (persona IN ('work', 'personal'));
ALTER TABLE threads ADD COLUMN mode TEXT NOT NULL DEFAULT 'assistant' CHECK (mode IN ('assistant', 'proxy'));

-- Replies: their state while streaming, and what they cost.
ALTER TABLE messages ADD COLUMN status TEXT NOT NULL DEFAULT 'complete'
  CHECK (status IN ('streaming', 'complete', 'stopped', 'error'));
ALTER TABLE messages ADD COLUMN model TEXT;
ALTER TABLE messages ADD COLUMN tokens_in INTEGER;
ALTER TABLE messages ADD COLUMN tokens_out INTEGER;
ALTER TABLE messages ADD COLUMN cost_usd REAL;
ALTER TABLE messages ADD COLUMN latency_ms INTEGER;

-- Tool calls made while producing a reply, shown as cards under it.
CREATE TABLE tool_calls (
  id TEXT PRIMARY KEY,
  message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  arguments TEXT NOT NULL,
  result TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'error', 'denied')),
  started_at INTEGER NOT NULL,
  duration_ms INTEGER
) STRICT;

CREATE INDEX tool_calls_by_message ON tool_calls (message_id, seq);

-- A summary of a thread's older turns, used when its history no longer fits the context budget.
CREATE TABLE thread_summaries (
  thread_id TEXT PRIMARY KEY REFERENCES threads (id) ON DELETE CASCADE,
  covers_until INTEGER NOT NULL, -- created_at of the newest message the summary covers
  summary TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- Keyword search over messages (the thread_search tool), kept in step by triggers.
CREATE VIRTUAL TABLE messages_fts USING fts5 (content, content = 'messages', content_rowid = 'rowid');
INSERT INTO messages_fts (rowid, content) SELECT rowid, content FROM messages;

CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts (rowid, content) VALUES (new.rowid, new.content);
END;

CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
END;

CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
  INSERT INTO messages_fts (rowid, content) VALUES (new.rowid, new.content);
END;

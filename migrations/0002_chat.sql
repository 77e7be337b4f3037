-- Chat threads and their messages. Deleting a thread deletes its messages.
CREATE TABLE threads (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE INDEX threads_by_updated ON threads (updated_at DESC);

CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  thread_id TEXT NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
  content TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  -- Why this message got no reply (e.g. no model provider); NULL when delivered.
  delivery_error_code TEXT,
  delivery_error_message TEXT
) STRICT;

CREATE INDEX messages_by_thread ON messages (thread_id, created_at);

-- Proxy safety (issue 7): grants (seed: proxy_authorizations), the approvals queue, taint marks,
-- the policy settings, and the audit log's trace and head.

-- What the person authorized Izzie to do as them without asking each time.
CREATE TABLE proxy_authorizations (
  id TEXT PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('single', 'class', 'standing')),
  persona TEXT NOT NULL CHECK (persona IN ('work', 'personal')),
  action_class TEXT NOT NULL CHECK (action_class IN ('create', 'update', 'delete', 'send')),
  tool TEXT,
  allowlist TEXT NOT NULL CHECK (json_valid(allowlist)),
  rate_count INTEGER,
  rate_hours INTEGER,
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  revoked_at INTEGER,
  uses INTEGER NOT NULL DEFAULT 0,
  last_used_at INTEGER,
  from_approval TEXT,
  CHECK (scope != 'class' OR expires_at IS NOT NULL),
  CHECK ((rate_count IS NULL) = (rate_hours IS NULL))
) STRICT;

-- Every proxy action Izzie wanted to take: waiting for the person, approved and waiting out the undo
-- window, sent, or not. `approved_hash` is the hash of the payload the person (or grant) approved;
-- execution recomputes the payload's hash and refuses when it differs.
CREATE TABLE approvals (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'executing', 'done', 'failed', 'denied', 'expired', 'cancelled', 'superseded')),
  persona TEXT NOT NULL CHECK (persona IN ('work', 'personal')),
  mode TEXT NOT NULL CHECK (mode IN ('assistant', 'proxy')),
  tool TEXT NOT NULL,
  action_class TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  payload_hash TEXT NOT NULL,
  approved_hash TEXT,
  reason TEXT NOT NULL,
  reason_text TEXT NOT NULL,
  tainted_by TEXT NOT NULL CHECK (json_valid(tainted_by)),
  trigger TEXT NOT NULL CHECK (json_valid(trigger)),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  decided_at INTEGER,
  decided_by TEXT CHECK (decided_by IS NULL OR decided_by IN ('user', 'grant')),
  grant_id TEXT REFERENCES proxy_authorizations (id),
  deny_reason TEXT,
  send_at INTEGER,
  executed_at INTEGER,
  result TEXT,
  error TEXT,
  edited_from TEXT,
  replaced_by TEXT,
  -- The chat tool call that asked for it (ties the audit chain together).
  tool_call_id TEXT
) STRICT;
CREATE INDEX approvals_by_status ON approvals (status, created_at);
CREATE INDEX approvals_due ON approvals (send_at) WHERE status = 'approved';
CREATE INDEX approvals_by_grant ON approvals (grant_id, decided_at) WHERE grant_id IS NOT NULL;

-- Outside content a chat thread or an engine run has read (`context` is `thread:<id>` or `run:<id>`).
-- Marks are only ever added: a context never becomes untainted.
CREATE TABLE taint_marks (
  context TEXT NOT NULL,
  source TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (context, source)
) STRICT, WITHOUT ROWID;

-- Settings → Permissions, one JSON document (validated by the core on every read).
CREATE TABLE policy_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at INTEGER NOT NULL
) STRICT;

-- The ids that tie an audit entry to what caused it; part of the entry's hash when present.
ALTER TABLE audit_log ADD COLUMN trace TEXT CHECK (trace IS NULL OR json_valid(trace));

-- The last entry's sequence number and hash, written with every append: a cut-off tail (the newest
-- entries deleted) no longer matches it.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL
) STRICT;
INSERT INTO audit_head (id, seq, hash) SELECT 1, seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1;

-- Notifications may now be about an approval.
CREATE TABLE notifications_next (
  id TEXT PRIMARY KEY,
  dedupe_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('attention', 'digest', 'draft', 'conflict', 'result', 'approval')),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  target TEXT CHECK (target IS NULL OR json_valid(target)),
  run_id TEXT,
  event_id TEXT,
  created_at INTEGER NOT NULL,
  read_at INTEGER
) STRICT;
INSERT INTO notifications_next SELECT * FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_next RENAME TO notifications;
CREATE INDEX notifications_unread ON notifications (created_at) WHERE read_at IS NULL;

-- A tool call may now wait for the person's approval.
CREATE TABLE tool_calls_next (
  id TEXT PRIMARY KEY,
  message_id TEXT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  arguments TEXT NOT NULL,
  result TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'error', 'denied', 'pending')),
  started_at INTEGER NOT NULL,
  duration_ms INTEGER
) STRICT;
INSERT INTO tool_calls_next SELECT * FROM tool_calls;
DROP TABLE tool_calls;
ALTER TABLE tool_calls_next RENAME TO tool_calls;
CREATE INDEX tool_calls_by_message ON tool_calls (message_id, seq);

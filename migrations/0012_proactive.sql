-- What proactive work produced: each event's triage, the notifications shown, the digests written.

-- The classifier's verdict per event (the digest reads what needed attention or a reply).
CREATE TABLE triage (
  event_id TEXT PRIMARY KEY REFERENCES engine_events (id) ON DELETE CASCADE,
  event_type TEXT NOT NULL,
  classification TEXT NOT NULL CHECK (json_valid(classification)),
  -- One line for lists: a mail's sender and subject, a PR's repo, number and title.
  headline TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX triage_created ON triage (created_at);

-- Notifications Izzie showed. `dedupe_key` is the run step's idempotency key: a step redone after a
-- crash does not notify twice.
CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  dedupe_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('attention', 'digest', 'draft', 'conflict', 'result')),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  target TEXT CHECK (target IS NULL OR json_valid(target)),
  run_id TEXT,
  event_id TEXT,
  created_at INTEGER NOT NULL,
  read_at INTEGER
) STRICT;
CREATE INDEX notifications_unread ON notifications (created_at) WHERE read_at IS NULL;

-- Morning digests, one per run that wrote one.
CREATE TABLE digests (
  id TEXT PRIMARY KEY,
  run_id TEXT NOT NULL UNIQUE,
  -- The local day it is for, YYYY-MM-DD.
  day TEXT NOT NULL,
  summary TEXT NOT NULL,
  sections TEXT NOT NULL CHECK (json_valid(sections)),
  covers_from INTEGER NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX digests_created ON digests (created_at);

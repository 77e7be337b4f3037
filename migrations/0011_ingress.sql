-- Where each poller is in its source (a Gmail history id, a Calendar sync token, a time), and how
-- its last polls went. A cursor moves only after the events before it are on the bus; events carry
-- stable ids, so a crash between the two re-delivers nothing twice.
CREATE TABLE ingress_cursors (
  source_id TEXT PRIMARY KEY,
  cursor TEXT,
  polled_at INTEGER,
  next_poll_at INTEGER NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  delivered INTEGER NOT NULL DEFAULT 0
) STRICT;

-- What the classifier answered, by a fingerprint of what it was shown: an event that looks exactly
-- like one already classified (an unchanged poll, a re-delivered webhook) costs no model call.
CREATE TABLE classifications (
  fingerprint TEXT PRIMARY KEY,
  classification TEXT NOT NULL CHECK (json_valid(classification)),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX classifications_created ON classifications (created_at);

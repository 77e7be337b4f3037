-- The proactive engine: events on one bus, durable runs made of memoized steps, cron state.
-- Inngest's semantics, kept in this file: an event is stored before it is acknowledged, a step's
-- result is stored before the next step starts, and a restart resumes what was interrupted.

-- Every event that entered the bus, once: the id is the de-duplication key (a poller or the relay
-- may deliver twice; a cron fire's id is its function and fire time).
CREATE TABLE engine_events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  source TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  data TEXT NOT NULL CHECK (json_valid(data)),
  metadata TEXT NOT NULL CHECK (json_valid(metadata))
) STRICT;
CREATE INDEX engine_events_received ON engine_events (received_at);

-- One run per function per event (a replay is a new run that names the one it replays).
-- `wake_at` is when a queued, retrying or sleeping run may go next.
CREATE TABLE engine_runs (
  id TEXT PRIMARY KEY,
  function_id TEXT NOT NULL,
  event_id TEXT NOT NULL REFERENCES engine_events (id),
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'sleeping', 'completed', 'failed', 'cancelled')),
  wake_at INTEGER NOT NULL,
  replay_of TEXT REFERENCES engine_runs (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER,
  output TEXT CHECK (output IS NULL OR json_valid(output)),
  error TEXT,
  -- Model tokens and cost the run's steps spent (the Activity page shows them).
  usage TEXT NOT NULL DEFAULT '{"inputTokens":0,"outputTokens":0,"costUsd":0,"calls":0}' CHECK (json_valid(usage))
) STRICT;
CREATE UNIQUE INDEX engine_runs_once_per_event ON engine_runs (function_id, event_id) WHERE replay_of IS NULL;
CREATE INDEX engine_runs_due ON engine_runs (wake_at) WHERE status IN ('queued', 'sleeping');
CREATE INDEX engine_runs_running ON engine_runs (status) WHERE status = 'running';
CREATE INDEX engine_runs_created ON engine_runs (created_at);

-- A step's outcome. `completed` rows are memoized results (never re-run); `failed` rows count the
-- attempts of a step that is waiting to retry; `sleeping` rows hold a sleep's wake time.
CREATE TABLE engine_steps (
  run_id TEXT NOT NULL REFERENCES engine_runs (id) ON DELETE CASCADE,
  step_key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('run', 'sleep', 'send_event')),
  status TEXT NOT NULL CHECK (status IN ('completed', 'failed', 'sleeping')),
  attempts INTEGER NOT NULL,
  output TEXT CHECK (output IS NULL OR json_valid(output)),
  error TEXT,
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  PRIMARY KEY (run_id, step_key)
) STRICT, WITHOUT ROWID;

-- The last fire time each cron function has dealt with (ran or skipped by its missed-run policy).
CREATE TABLE engine_cron (
  function_id TEXT PRIMARY KEY,
  handled_until INTEGER NOT NULL
) STRICT;

-- The model provider and the tiers (seed: Model Selection Logic). API keys are not stored here: they
-- live in the vault under `provider.<kind>.api-key`.

-- At most one active provider. `kind` is checked in code, not here, so a new preset needs no table
-- rebuild.
CREATE TABLE model_provider (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  kind TEXT NOT NULL CHECK (length(kind) > 0),
  base_url TEXT NOT NULL CHECK (base_url LIKE 'http://%' OR base_url LIKE 'https://%'),
  timeout_ms INTEGER NOT NULL CHECK (timeout_ms > 0),
  updated_at INTEGER NOT NULL
) STRICT;

-- Rows exist only for tiers the user edited; the code holds the defaults (DEFAULT_TIERS), so a better
-- default model needs no migration. Upper bounds are policy and live in code.
CREATE TABLE model_tiers (
  tier TEXT PRIMARY KEY CHECK (tier IN ('thinking', 'standard', 'cheap')),
  model TEXT NOT NULL CHECK (length(model) > 0),
  max_tokens INTEGER NOT NULL CHECK (max_tokens > 0),
  temperature REAL NOT NULL CHECK (temperature >= 0),
  fallback_model TEXT CHECK (fallback_model IS NULL OR length(fallback_model) > 0),
  updated_at INTEGER NOT NULL
) STRICT;

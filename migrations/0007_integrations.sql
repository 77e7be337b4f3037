-- Account connections and external MCP servers. No credential is stored here: tokens, keys and
-- secret environment values live in the vault (`integration.<id>.<name>`, `mcp.<id>.env.<n>`,
-- `mcp.<id>.header.<n>`).

-- A row exists once an account was connected. `disconnected` rows keep the reason (a revoked grant)
-- so the Integrations page can say what happened; their credentials are already gone.
CREATE TABLE integrations (
  id TEXT PRIMARY KEY CHECK (id IN ('google', 'github', 'linear', 'slack', 'sms')),
  method TEXT NOT NULL CHECK (method IN ('oauth', 'device', 'token', 'api_key', 'account_sid')),
  account TEXT NOT NULL,
  scopes TEXT NOT NULL CHECK (json_valid(scopes)),
  base_url TEXT CHECK (base_url IS NULL OR base_url LIKE 'http://%' OR base_url LIKE 'https://%'),
  -- Non-secret settings the connection needs again (an OAuth client ID, a Twilio account SID and number).
  settings TEXT NOT NULL CHECK (json_valid(settings)),
  status TEXT NOT NULL CHECK (status IN ('connected', 'disconnected')),
  last_error TEXT CHECK (last_error IS NULL OR json_valid(last_error)),
  connected_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- External MCP servers the person added or imported. `consented_command` is the exact command line
-- the person agreed to run; a stdio server whose command differs from it does not start.
CREATE TABLE mcp_servers (
  id TEXT PRIMARY KEY CHECK (id GLOB '[a-z]*' AND length(id) <= 32),
  transport TEXT NOT NULL CHECK (transport IN ('stdio', 'http')),
  command TEXT,
  args TEXT NOT NULL CHECK (json_valid(args)),
  cwd TEXT,
  url TEXT,
  -- Names of the environment variables (stdio) or headers (http) whose values are in the vault, in order.
  secret_names TEXT NOT NULL CHECK (json_valid(secret_names)),
  consented_command TEXT,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((transport = 'stdio' AND command IS NOT NULL AND url IS NULL) OR (transport = 'http' AND url IS NOT NULL AND command IS NULL))
) STRICT;

-- Secrets (API keys, OAuth tokens), each encrypted with AES-256-GCM under the per-install master
-- key that lives in the OS keychain (src/core/secrets). Nothing here is readable without that key.
-- key_id names the master key a row was sealed with (first 16 hex of its SHA-256), so a row stays
-- readable whichever key is current, e.g. after a rotation that was interrupted half-way. The name
-- is bound into the ciphertext as authenticated data: a ciphertext moved to another name fails.
CREATE TABLE secrets (
  name TEXT NOT NULL PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 128),
  key_id TEXT NOT NULL CHECK (length(key_id) = 16),
  iv BLOB NOT NULL CHECK (length(iv) = 12),
  ciphertext BLOB NOT NULL CHECK (length(ciphertext) > 0),
  auth_tag BLOB NOT NULL CHECK (length(auth_tag) = 16),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;

-- Rotation and start-up ask "which rows use key X?".
CREATE INDEX secrets_by_key_id ON secrets (key_id);

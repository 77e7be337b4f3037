-- Memory (issue 5). Facts Izzie learned, each in a namespace that decides which persona may read it,
-- with where it came from and when it stopped being true. Vectors live in sqlite-vec tables created
-- at run time (their dimension depends on the embedder, see embedding_spaces); the knowledge graph
-- lives in Kùzu next to this file.

-- `seq` is the rowid shared with memories_fts and the vector tables; `id` is what the app shows.
CREATE TABLE memories (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  namespace TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('fact', 'preference', 'relationship', 'event', 'style')),
  content TEXT NOT NULL CHECK (length(content) > 0),
  -- Lowercase, punctuation-free content: two memories with the same key are the same fact.
  content_key TEXT NOT NULL,
  persona TEXT CHECK (persona IS NULL OR persona IN ('work', 'personal')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  -- Retention counts from the last time the fact was learned (a reinforced fact is kept longer).
  learned_at INTEGER NOT NULL,
  valid_from INTEGER NOT NULL,
  invalid_at INTEGER,
  superseded_by TEXT,
  confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  reinforcements INTEGER NOT NULL DEFAULT 0,
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  -- The embedding space its current vector belongs to (null while it waits to be embedded).
  embedded_with TEXT
) STRICT;

CREATE INDEX memories_by_namespace ON memories (namespace, updated_at);
CREATE INDEX memories_by_learned ON memories (namespace, learned_at);
CREATE INDEX memories_by_key ON memories (namespace, content_key);

-- Provenance: every time a memory was learned, from what. A memory whose last source is deleted
-- is deleted with it.
CREATE TABLE memory_sources (
  memory_seq INTEGER NOT NULL REFERENCES memories (seq) ON DELETE CASCADE,
  source_type TEXT NOT NULL,
  source_id TEXT NOT NULL,
  parent_id TEXT,
  label TEXT,
  at INTEGER NOT NULL,
  PRIMARY KEY (memory_seq, source_type, source_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX memory_sources_by_source ON memory_sources (source_type, source_id);
CREATE INDEX memory_sources_by_parent ON memory_sources (source_type, parent_id);

-- Which graph entities a memory mentions (the graph keeps relations; this keeps the mention, so a
-- deleted memory can release entities nothing else mentions).
CREATE TABLE memory_entities (
  memory_seq INTEGER NOT NULL REFERENCES memories (seq) ON DELETE CASCADE,
  entity_id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  PRIMARY KEY (memory_seq, entity_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX memory_entities_by_entity ON memory_entities (entity_id);

-- Keyword search. External content: the text is stored once, in memories.
CREATE VIRTUAL TABLE memories_fts USING fts5 (
  content,
  content = 'memories',
  content_rowid = 'seq',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- How many memories hold each indexed term: keyword search leaves words too common to rank cheaply
-- to the vector side.
CREATE VIRTUAL TABLE memories_fts_vocab USING fts5vocab (memories_fts, 'row');

CREATE TRIGGER memories_fts_insert AFTER INSERT ON memories BEGIN
  INSERT INTO memories_fts (rowid, content) VALUES (new.seq, new.content);
END;

CREATE TRIGGER memories_fts_delete AFTER DELETE ON memories BEGIN
  INSERT INTO memories_fts (memories_fts, rowid, content) VALUES ('delete', old.seq, old.content);
END;

CREATE TRIGGER memories_fts_update AFTER UPDATE OF content ON memories BEGIN
  INSERT INTO memories_fts (memories_fts, rowid, content) VALUES ('delete', old.seq, old.content);
  INSERT INTO memories_fts (rowid, content) VALUES (new.seq, new.content);
END;

-- Retention and access per namespace (seed: Memory Namespaces). A null retention keeps forever.
-- Namespaces a persona names itself get a row when first used.
CREATE TABLE memory_namespaces (
  namespace TEXT PRIMARY KEY,
  retention_days INTEGER CHECK (retention_days IS NULL OR retention_days > 0),
  access TEXT NOT NULL CHECK (json_valid(access)),
  builtin INTEGER NOT NULL CHECK (builtin IN (0, 1))
) STRICT;

INSERT INTO memory_namespaces (namespace, retention_days, access, builtin) VALUES
  ('work', 365, '["work"]', 1),
  ('personal', 365, '["personal"]', 1),
  ('preferences', NULL, '["work","personal"]', 1),
  ('communication', 90, '["work","personal"]', 1),
  ('entities', NULL, '["work","personal"]', 1);

-- One row per embedder whose vectors are stored. `active` serves search; `building` is being filled
-- by a re-index and becomes active when complete; the vec0 table is `vec_table`.
CREATE TABLE embedding_spaces (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('local', 'provider')),
  model TEXT NOT NULL,
  dimension INTEGER NOT NULL CHECK (dimension > 0),
  vec_table TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL CHECK (state IN ('active', 'building')),
  created_at INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX embedding_spaces_one_active ON embedding_spaces (state) WHERE state = 'active';

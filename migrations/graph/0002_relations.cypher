// A fact linking two entities, valid from validFrom until invalidAt (null while it holds).
// fromId and toId repeat the ends' ids: reading them from the relation spares Kùzu a scan of the
// entity table on every lookup, and tells the direction in an undirected match.
// sources is a JSON array of the ids of the memories it was learned from, oldest first; a relation
// with none left is deleted. It is a string, not STRING[]: at 100k relations Kùzu 0.11 took 13–30 s
// to checkpoint after a relation with a list property was added, changed or deleted, against
// 0.1–0.3 s with a string.
CREATE REL TABLE RELATES(
  FROM Entity TO Entity,
  id STRING,
  fromId STRING,
  toId STRING,
  type STRING,
  validFrom INT64,
  invalidAt INT64,
  sources STRING,
  confidence DOUBLE,
  createdAt INT64
);

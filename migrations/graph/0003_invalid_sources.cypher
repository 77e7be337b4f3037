// Memories that were contradicted or marked outdated. A relation stays valid while at least one of
// its sources is not listed here.
CREATE NODE TABLE InvalidSource(
  memoryId STRING PRIMARY KEY,
  invalidAt INT64
);

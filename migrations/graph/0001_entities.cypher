// People, projects, organizations, topics and places the memories talk about. nameKey and aliasKeys
// hold the lowercase, single-spaced forms that names are matched on.
CREATE NODE TABLE Entity(
  id STRING PRIMARY KEY,
  name STRING,
  nameKey STRING,
  kind STRING,
  aliases STRING[],
  aliasKeys STRING[],
  namespace STRING,
  createdAt INT64
);

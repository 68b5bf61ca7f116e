CREATE TABLE articles (
  id    integer PRIMARY KEY,
  title text NOT NULL,
  body  text NOT NULL
);

INSERT INTO articles (id, title, body) VALUES
  (1, 'Running a database in production', 'Backups, replicas and failover for the team that runs it.'),
  (2, 'Indexes explained', 'A B-tree keeps keys sorted; a GIN index maps each word to the rows that contain it.'),
  (3, 'Caching with Redis', 'Put a cache in front of the database to cut read latency.'),
  (4, 'Search without Elasticsearch', 'Postgres full text search ranks rows by how well they match a query.'),
  (5, 'Queues and workers', 'A worker runs jobs from a queue and retries the ones that fail.'),
  (6, 'Notes on replication', 'Streaming replication copies the write-ahead log to replicas.'),
  (7, 'Tuning queries', 'Read the plan, add the right index, measure again.'),
  (8, 'Tuning queries', 'Read the plan, add the right index, measure again.');

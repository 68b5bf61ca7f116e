-- A small social network. Each friendship is one row, stored once with a < b: friendship has no
-- direction, so a query must look at both columns.

CREATE TABLE people (
  id   int  PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE friendships (
  a int NOT NULL REFERENCES people (id),
  b int NOT NULL REFERENCES people (id),
  PRIMARY KEY (a, b),
  CHECK (a < b)
);
CREATE INDEX friendships_b ON friendships (b, a);

INSERT INTO people (id, name) VALUES
  (1, 'Ada'), (2, 'Ben'), (3, 'Cleo'), (4, 'Dev'), (5, 'Eli'), (6, 'Fay'), (7, 'Gus'),
  (8, 'Hana'), (9, 'Ivo'), (10, 'Jo'), (11, 'Kai'), (12, 'Lu'), (13, 'Mo');

INSERT INTO friendships (a, b) VALUES
  (1, 2), (1, 3), (2, 3),
  (2, 4), (3, 4), (3, 5),
  (4, 6), (5, 6), (6, 7),
  (7, 8), (8, 9), (9, 10),
  (11, 12);

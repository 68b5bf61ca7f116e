-- A blog: 100 authors, 3,000 posts (every tenth a draft), 9,000 comments. Many posts share a
-- published_at hour, so the feed needs id as a tie-break.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;

CREATE TABLE authors (
  id   serial PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE posts (
  id           serial PRIMARY KEY,
  author_id    integer NOT NULL REFERENCES authors (id),
  title        text NOT NULL,
  status       text NOT NULL CHECK (status IN ('draft', 'published')),
  published_at timestamptz,
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);

CREATE TABLE comments (
  id      serial PRIMARY KEY,
  post_id integer NOT NULL REFERENCES posts (id),
  body    text NOT NULL
);

INSERT INTO authors (name) SELECT 'Author ' || i FROM generate_series(1, 100) AS i;

INSERT INTO posts (author_id, title, status, published_at)
SELECT 1 + (i * 37) % 100,
       'Post ' || i,
       CASE WHEN i % 10 = 0 THEN 'draft' ELSE 'published' END,
       CASE WHEN i % 10 = 0 THEN NULL
            ELSE timestamptz '2024-01-01 00:00:00+00' + ((i * 7919) % 2000) * interval '1 hour' END
  FROM generate_series(1, 3000) AS i;

INSERT INTO comments (post_id, body)
SELECT 1 + (i * 613) % 3000, 'Comment ' || i FROM generate_series(1, 9000) AS i;

ANALYZE;

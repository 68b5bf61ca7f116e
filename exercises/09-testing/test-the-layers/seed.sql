-- The to-do service's one table. A title is unique per owner (the repository maps the violation).
CREATE TABLE tasks (
  id    serial  PRIMARY KEY,
  owner text    NOT NULL,
  title text    NOT NULL,
  done  boolean NOT NULL DEFAULT false,
  UNIQUE (owner, title)
);

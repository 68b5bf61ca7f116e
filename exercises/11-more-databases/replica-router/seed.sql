-- Three "servers" in one PGlite: a schema each. What makes them separate is that the only way a
-- row gets from the primary to a replica is the replication stream in cluster.ts.
CREATE SCHEMA node_primary;
CREATE SCHEMA node_replica_1;
CREATE SCHEMA node_replica_2;

CREATE TABLE node_primary.notes   (id serial PRIMARY KEY, author text NOT NULL, body text NOT NULL);
CREATE TABLE node_replica_1.notes (id integer PRIMARY KEY, author text NOT NULL, body text NOT NULL);
CREATE TABLE node_replica_2.notes (id integer PRIMARY KEY, author text NOT NULL, body text NOT NULL);

-- Each replica's replay position: the LSN of the last commit it applied. One row.
CREATE TABLE node_replica_1.replay_state (lsn integer NOT NULL);
CREATE TABLE node_replica_2.replay_state (lsn integer NOT NULL);
INSERT INTO node_replica_1.replay_state VALUES (0);
INSERT INTO node_replica_2.replay_state VALUES (0);

-- Change capture on the primary, as logical decoding does from the WAL: each row change of a
-- transaction is noted here, and cluster.ts ships the notes of each commit as one unit.
CREATE TABLE node_primary.changes (seq serial PRIMARY KEY, op text NOT NULL, id integer NOT NULL, author text, body text);

CREATE FUNCTION node_primary.capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO node_primary.changes (op, id) VALUES ('DELETE', OLD.id);
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.id <> OLD.id THEN
    INSERT INTO node_primary.changes (op, id) VALUES ('DELETE', OLD.id);
  END IF;
  INSERT INTO node_primary.changes (op, id, author, body) VALUES ('UPSERT', NEW.id, NEW.author, NEW.body);
  RETURN NEW;
END $$;

CREATE TRIGGER capture AFTER INSERT OR UPDATE OR DELETE ON node_primary.notes
  FOR EACH ROW EXECUTE FUNCTION node_primary.capture();

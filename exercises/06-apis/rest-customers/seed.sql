-- Customers for the REST API exercise. Ids come from the identity column (1..25, in insert order),
-- and created_at is fixed so responses are predictable.
CREATE TABLE customers (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text NOT NULL CHECK (length(btrim(name)) > 0),
  email      text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO customers (name, email, created_at) VALUES
  ('Ada Lovelace',        'ada@example.com',        '2024-03-01 09:00:00+00'),
  ('Alan Turing',         'alan@example.com',       '2024-03-02 09:00:00+00'),
  ('Grace Hopper',        'grace@example.com',      '2024-03-03 09:00:00+00'),
  ('Edsger Dijkstra',     'edsger@example.com',     '2024-03-04 09:00:00+00'),
  ('Barbara Liskov',      'barbara@example.com',    '2024-03-05 09:00:00+00'),
  ('Donald Knuth',        'donald@example.com',     '2024-03-06 09:00:00+00'),
  ('Margaret Hamilton',   'margaret@example.com',   '2024-03-07 09:00:00+00'),
  ('Ken Thompson',        'ken@example.com',        '2024-03-08 09:00:00+00'),
  ('Dennis Ritchie',      'dennis@example.com',     '2024-03-09 09:00:00+00'),
  ('Frances Allen',       'frances@example.com',    '2024-03-10 09:00:00+00'),
  ('John Backus',         'john@example.com',       '2024-03-11 09:00:00+00'),
  ('Radia Perlman',       'radia@example.com',      '2024-03-12 09:00:00+00'),
  ('Tony Hoare',          'tony@example.com',       '2024-03-13 09:00:00+00'),
  ('Leslie Lamport',      'leslie@example.com',     '2024-03-14 09:00:00+00'),
  ('Adele Goldberg',      'adele@example.com',      '2024-03-15 09:00:00+00'),
  ('Niklaus Wirth',       'niklaus@example.com',    '2024-03-16 09:00:00+00'),
  ('Shafi Goldwasser',    'shafi@example.com',      '2024-03-17 09:00:00+00'),
  ('Barbara Simons',      'bsimons@example.com',    '2024-03-18 09:00:00+00'),
  ('Edgar Codd',          'edgar@example.com',      '2024-03-19 09:00:00+00'),
  ('Jean Sammet',         'jean@example.com',       '2024-03-20 09:00:00+00'),
  ('Butler Lampson',      'butler@example.com',     '2024-03-21 09:00:00+00'),
  ('Sophie Wilson',       'sophie@example.com',     '2024-03-22 09:00:00+00'),
  ('Bjarne Stroustrup',   'bjarne@example.com',     '2024-03-23 09:00:00+00'),
  ('Anita Borg',          'anita@example.com',      '2024-03-24 09:00:00+00'),
  ('Vint Cerf',           'vint@example.com',       '2024-03-25 09:00:00+00');

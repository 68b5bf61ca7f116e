-- Version 1 of the schema: the column is called fullname. 30 users, ids 1–30.
CREATE TABLE users (
  id       serial PRIMARY KEY,
  email    text NOT NULL UNIQUE,
  fullname text NOT NULL
);

INSERT INTO users (email, fullname) VALUES
  ('ann.lee@example.com', 'Ann Lee'),
  ('bob.lee@example.com', 'Bob Lee'),
  ('cleo.lee@example.com', 'Cleo Lee'),
  ('dev.lee@example.com', 'Dev Lee'),
  ('eve.lee@example.com', 'Eve Lee'),
  ('finn.lee@example.com', 'Finn Lee'),
  ('gia.lee@example.com', 'Gia Lee'),
  ('hal.lee@example.com', 'Hal Lee'),
  ('ines.lee@example.com', 'Ines Lee'),
  ('jon.lee@example.com', 'Jon Lee'),
  ('ann.okafor@example.com', 'Ann Okafor'),
  ('bob.okafor@example.com', 'Bob Okafor'),
  ('cleo.okafor@example.com', 'Cleo Okafor'),
  ('dev.okafor@example.com', 'Dev Okafor'),
  ('eve.okafor@example.com', 'Eve Okafor'),
  ('finn.okafor@example.com', 'Finn Okafor'),
  ('gia.okafor@example.com', 'Gia Okafor'),
  ('hal.okafor@example.com', 'Hal Okafor'),
  ('ines.okafor@example.com', 'Ines Okafor'),
  ('jon.okafor@example.com', 'Jon Okafor'),
  ('ann.marsh@example.com', 'Ann Marsh'),
  ('bob.marsh@example.com', 'Bob Marsh'),
  ('cleo.marsh@example.com', 'Cleo Marsh'),
  ('dev.marsh@example.com', 'Dev Marsh'),
  ('eve.marsh@example.com', 'Eve Marsh'),
  ('finn.marsh@example.com', 'Finn Marsh'),
  ('gia.marsh@example.com', 'Gia Marsh'),
  ('hal.marsh@example.com', 'Hal Marsh'),
  ('ines.marsh@example.com', 'Ines Marsh'),
  ('jon.marsh@example.com', 'Jon Marsh');

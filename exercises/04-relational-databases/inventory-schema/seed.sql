-- A spreadsheet export, loaded as is: one row per product per warehouse, everything repeated.
CREATE TABLE inventory_import (
  line           integer PRIMARY KEY,
  sku            text NOT NULL,
  product_name   text NOT NULL,
  category       text NOT NULL,
  supplier_name  text NOT NULL,
  supplier_email text NOT NULL,
  reorder_level  integer NOT NULL,
  warehouse_code text,
  warehouse_city text,
  quantity       integer
);

INSERT INTO inventory_import VALUES
  (1,  'GR-100', 'Hand grinder',       'Grinders', 'Nordic Mills', 'sales@nordicmills.example', 5,  'AMS', 'Amsterdam', 12),
  (2,  'GR-100', 'Hand grinder',       'Grinders', 'Nordic Mills', 'sales@nordicmills.example', 5,  'LIS', 'Lisbon',    3),
  (3,  'GR-200', 'Burr grinder',       'Grinders', 'Nordic Mills', 'Sales@NordicMills.example', 2,  'AMS', 'Amsterdam', 1),
  (4,  'BR-300', 'Pour-over dripper',  'Brewers',  'Kettle & Co',  'orders@kettleco.example',   10, 'AMS', 'Amsterdam', 40),
  (5,  'BR-300', 'Pour-over dripper',  'Brewers',  'Kettle & Co',  'orders@kettleco.example',   10, 'OSL', 'Oslo',      4),
  (6,  'BR-310', 'Gooseneck kettle',   'Brewers',  'Kettle & Co',  'orders@kettleco.example',   3,  'LIS', 'Lisbon',    0),
  (7,  'FI-10',  'Paper filters 100',  'Filters',  'Paperworks',   'hello@paperworks.example',  50, 'AMS', 'Amsterdam', 120),
  (8,  'FI-10',  'Paper filters 100',  'Filters',  'Paperworks',   'hello@paperworks.example',  50, 'AMS', 'Amsterdam', 30),
  (9,  'FI-10',  'Paper filters 100',  'Filters',  'Paperworks',   'hello@paperworks.example',  50, 'OSL', 'Oslo',      20),
  (10, 'FI-20',  'Metal filter',       'Filters',  'Paperworks',   'hello@paperworks.example',  4,  NULL,  NULL,        NULL);

CREATE TABLE products (
  id          integer PRIMARY KEY,
  name        text    NOT NULL,
  description text    NOT NULL,
  brand       text    NOT NULL,
  category    text    NOT NULL,
  price_cents integer NOT NULL CHECK (price_cents >= 0),
  in_stock    boolean NOT NULL
);

-- The outbox: every write to products leaves a change row in the same transaction.
CREATE TABLE product_changes (
  seq        bigserial PRIMARY KEY,
  op         text      NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  product_id integer   NOT NULL,
  row        jsonb
);

CREATE FUNCTION record_product_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO product_changes (op, product_id, row) VALUES ('delete', OLD.id, NULL);
    RETURN OLD;
  END IF;
  INSERT INTO product_changes (op, product_id, row) VALUES (lower(TG_OP), NEW.id, to_jsonb(NEW));
  RETURN NEW;
END $$;

CREATE TRIGGER products_outbox AFTER INSERT OR UPDATE OR DELETE ON products
  FOR EACH ROW EXECUTE FUNCTION record_product_change();

INSERT INTO products (id, name, description, brand, category, price_cents, in_stock) VALUES
  (1,  'Wireless Headphones',      'Over-ear headphones with noise cancelling and a 30 hour battery', 'Sonora',   'audio',   12900, true),
  (2,  'Wired Headphones',         'Light on-ear headphones with a flat cable',                       'Sonora',   'audio',    3900, true),
  (3,  'Bluetooth Speaker',        'Waterproof speaker for the beach, 12 hour battery',                'Boomly',   'audio',    5900, false),
  (4,  'Studio Monitor Speaker',   'Active speaker for mixing music',                                  'Boomly',   'audio',   19900, true),
  (5,  'Espresso Machine',         'Pump espresso machine with a milk frother',                        'Crema',    'kitchen', 24900, true),
  (6,  'Coffee Grinder',           'Burr grinder for espresso and filter coffee',                      'Crema',    'kitchen',  8900, true),
  (7,  'Kettle',                   'Electric kettle with temperature control',                         'Steamwell','kitchen',  4900, false),
  (8,  'Noise Cancelling Earbuds', 'In-ear earbuds with noise cancelling',                             'Sonora',   'audio',    9900, true),
  (9,  'Coffee Table Book',        'Photographs of coffee farms',                                      'Inkhouse', 'books',    3500, true),
  (10, 'Cast Iron Pan',            'A heavy pan that lasts for decades',                               'Steamwell','kitchen',  3900, true),
  (11, 'Travel Mug',               'Keeps coffee hot for six hours',                                   'Steamwell','kitchen',  1900, true),
  (12, 'Headphone Stand',          'Wooden stand for headphones',                                      'Inkhouse', 'audio',    2500, true);

-- A little history in the change log: a price change and a product that came and went.
UPDATE products SET price_cents = 10900 WHERE id = 1;
INSERT INTO products (id, name, description, brand, category, price_cents, in_stock)
  VALUES (13, 'Vinyl Headphones', 'Discontinued headphones', 'Sonora', 'audio', 4500, true);
DELETE FROM products WHERE id = 13;

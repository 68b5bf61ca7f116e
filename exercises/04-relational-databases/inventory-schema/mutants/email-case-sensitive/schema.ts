/**
 * The normalised inventory schema, as one SQL script. The tests run it on an empty database
 * that holds only inventory_import (see README: tables, columns and rules).
 */
export const schema = /* sql */ `
  CREATE TABLE categories (
    id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE
  );

  CREATE TABLE suppliers (
    id    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name  text NOT NULL UNIQUE,
    email text NOT NULL UNIQUE
  );

  CREATE TABLE products (
    id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku           text NOT NULL UNIQUE,
    name          text NOT NULL,
    category_id   integer NOT NULL REFERENCES categories,
    supplier_id   integer NOT NULL REFERENCES suppliers,
    reorder_level integer NOT NULL CHECK (reorder_level >= 0)
  );
  -- Postgres indexes the referenced side of a foreign key, never the referencing one.
  CREATE INDEX products_category_id_idx ON products (category_id);
  CREATE INDEX products_supplier_id_idx ON products (supplier_id);

  CREATE TABLE warehouses (
    id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    city text NOT NULL
  );

  CREATE TABLE stock (
    product_id   integer NOT NULL REFERENCES products,
    warehouse_id integer NOT NULL REFERENCES warehouses,
    quantity     integer NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (product_id, warehouse_id)
  );
  -- The primary key serves lookups by product; by warehouse needs its own index.
  CREATE INDEX stock_warehouse_id_idx ON stock (warehouse_id);
`;

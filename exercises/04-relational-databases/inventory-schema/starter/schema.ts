/**
 * The normalised inventory schema, as one SQL script. The tests run it on an empty database
 * that holds only inventory_import (see README: tables, columns and rules).
 */
export const schema = /* sql */ `
  -- TODO: categories, suppliers, products, warehouses, stock
`;

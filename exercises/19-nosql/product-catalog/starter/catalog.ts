import type { MongoDb } from "@roadlab/mongo";
import { CatalogError } from "./errors";
import type { NewProduct, Product, ProductPage, ProductV1 } from "./types";

/** Create the indexes the catalogue's queries need (see the README). */
export async function setup(db: MongoDb): Promise<void> {
  // TODO: products { categoryId, priceCents }, products { "variants.sku" }, reviews { productId, createdAt }
  throw new Error("not implemented");
}

/** Validate, then insert one version 2 product document. */
export async function addProduct(db: MongoDb, input: NewProduct): Promise<Product> {
  // TODO: INVALID, UNKNOWN_CATEGORY and DUPLICATE as the README lists them
  throw new CatalogError("INVALID", "not implemented");
}

/** Any stored version in, the version 2 shape out. */
export function upgrade(doc: Product | ProductV1): Product {
  // TODO: priceCents from price (dollars), specs and rating defaults, schemaVersion 2
  throw new Error("not implemented");
}

/** The product, upgraded, with its three newest reviews; null when there is none. */
export async function getProduct(db: MongoDb, id: string): Promise<ProductPage | null> {
  // TODO
  throw new Error("not implemented");
}

/** A review in `reviews`, and the product's rating summary moved by it. */
export async function addReview(
  db: MongoDb,
  productId: string,
  review: { author: string; stars: number; text: string },
  now = new Date(),
): Promise<void> {
  // TODO
  throw new Error("not implemented");
}

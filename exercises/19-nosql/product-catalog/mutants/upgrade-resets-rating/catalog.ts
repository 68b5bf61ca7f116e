import type { MongoDb } from "@roadlab/mongo";
import { CatalogError } from "./errors";
import type { Category, NewProduct, Product, ProductPage, ProductV1, Review } from "./types";

/** The indexes the catalogue's queries need: equality fields first, then the range or sort. */
export async function setup(db: MongoDb): Promise<void> {
  const products = db.collection("products");
  await products.createIndex({ categoryId: 1, priceCents: 1 });
  await products.createIndex({ "variants.sku": 1 });
  await db.collection("reviews").createIndex({ productId: 1, createdAt: -1 });
}

const isCount = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;

function invalid(field: string, why: string): never {
  throw new CatalogError("INVALID", `${field}: ${why}`);
}

export async function addProduct(db: MongoDb, input: NewProduct): Promise<Product> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(input.id)) invalid("id", "expected a kebab-case slug");
  if (!input.name?.trim()) invalid("name", "expected a name");
  if (!Number.isInteger(input.priceCents) || input.priceCents <= 0) invalid("priceCents", "expected a positive integer");
  if (!Array.isArray(input.variants) || input.variants.length === 0) invalid("variants", "expected at least one variant");
  const skus = input.variants.map((v) => v.sku);
  if (skus.some((sku) => !sku)) invalid("variants.sku", "expected a SKU");
  if (new Set(skus).size !== skus.length) invalid("variants.sku", "SKUs repeat within the product");
  if (!input.variants.every((v) => isCount(v.stock))) invalid("variants.stock", "expected a whole number ≥ 0");

  if (!(await db.collection<Category>("categories").findOne({ _id: input.categoryId }))) {
    throw new CatalogError("UNKNOWN_CATEGORY", `categoryId: no category ${input.categoryId}`);
  }
  const products = db.collection<Product>("products");
  if (await products.findOne({ "variants.sku": { $in: skus } })) {
    throw new CatalogError("DUPLICATE", "variants.sku: a SKU belongs to another product");
  }
  const product: Product = {
    _id: input.id,
    schemaVersion: 2,
    name: input.name.trim(),
    brand: input.brand,
    categoryId: input.categoryId,
    priceCents: input.priceCents,
    specs: { ...input.specs },
    variants: input.variants.map((v) => ({ sku: v.sku, color: v.color, stock: v.stock })),
    rating: { count: 0, totalStars: 0 },
    createdAt: new Date(),
  };
  try {
    await products.insertOne(product);
  } catch (error) {
    if ((error as { code?: number }).code === 11000) throw new CatalogError("DUPLICATE", `id: ${input.id} exists`);
    throw error;
  }
  return product;
}

/** Readers accept every version ever written; old documents are upgraded in memory, not rewritten. */
export function upgrade(doc: Product | ProductV1): Product {
  if ("schemaVersion" in doc && doc.schemaVersion === 2) return doc;
  const { price, ...rest } = doc as ProductV1;
  return { ...rest, schemaVersion: 2, priceCents: Math.round(price * 100), specs: {}, rating: { count: 0, totalStars: 0 } };
}

export async function getProduct(db: MongoDb, id: string): Promise<ProductPage | null> {
  const doc = await db.collection<Product | ProductV1>("products").findOne({ _id: id });
  if (!doc) return null;
  const reviews = await db
    .collection<Review>("reviews")
    .find({ productId: id }, { projection: { _id: 0 } })
    .sort({ createdAt: -1 })
    .limit(3)
    .toArray();
  return { ...upgrade(doc), reviews };
}

export async function addReview(
  db: MongoDb,
  productId: string,
  review: { author: string; stars: number; text: string },
  now = new Date(),
): Promise<void> {
  if (!review.author?.trim()) invalid("author", "expected a name");
  if (!Number.isInteger(review.stars) || review.stars < 1 || review.stars > 5) invalid("stars", "expected 1 to 5");
  // The summary changes in the same statement that proves the product exists.
  const { matchedCount } = await db
    .collection("products")
    .updateOne({ _id: productId }, { $inc: { "rating.count": 1, "rating.totalStars": review.stars } });
  if (matchedCount === 0) throw new CatalogError("NOT_FOUND", `productId: no product ${productId}`);
  await db.collection<Review>("reviews").insertOne({ productId, author: review.author.trim(), stars: review.stars, text: review.text, createdAt: now });
}

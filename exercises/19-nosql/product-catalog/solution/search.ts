import type { Document, MongoDb } from "@roadlab/mongo";
import { CatalogError } from "./errors";
import type { PriceBand, SearchItem, SearchQuery, SearchResult } from "./types";

export const BAND_BOUNDARIES = [0, 2500, 5000, 10000];

const SORTS = {
  price_asc: { priceCents: 1, _id: 1 },
  price_desc: { priceCents: -1, _id: 1 },
  newest: { createdAt: -1, _id: 1 },
} as const;

/** One aggregation: normalise old documents, then a $facet whose branches each drop their own filter. */
export async function searchProducts(db: MongoDb, query: SearchQuery): Promise<SearchResult> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 10;
  if (!Number.isInteger(page) || page < 1) throw new CatalogError("INVALID", "page: expected an integer ≥ 1");
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50) throw new CatalogError("INVALID", "pageSize: expected 1 to 50");
  const sort = SORTS[query.sort ?? "price_asc"];
  if (!sort) throw new CatalogError("INVALID", `sort: expected price_asc, price_desc or newest`);

  const common: Document = {};
  if (query.categoryId !== undefined) common.categoryId = query.categoryId;
  if (query.inStock) common.variants = { $elemMatch: { stock: { $gt: 0 } } };
  const byBrand: Document = query.brands ? { brand: { $in: query.brands } } : {};
  const byPrice: Document = {};
  if (query.minPriceCents !== undefined) byPrice.$gte = query.minPriceCents;
  if (query.maxPriceCents !== undefined) byPrice.$lte = query.maxPriceCents;
  const price: Document = Object.keys(byPrice).length ? { priceCents: byPrice } : {};

  const [result] = await db
    .collection("products")
    .aggregate<{ items: SearchItem[]; total: { n: number }[]; brands: { _id: string; count: number }[]; bands: { _id: number | string; count: number }[] }>([
      // Version 1 stored dollars in `price`: read it as cents, as upgrade() does.
      { $addFields: { priceCents: { $ifNull: ["$priceCents", { $round: [{ $multiply: ["$price", 100] }, 0] }] } } },
      { $match: common },
      {
        $facet: {
          items: [
            { $match: { ...byBrand, ...price } },
            { $sort: sort },
            { $skip: (page - 1) * pageSize },
            { $limit: pageSize },
            { $project: { _id: 0, id: "$_id", name: 1, brand: 1, priceCents: 1 } },
          ],
          total: [{ $match: { ...byBrand, ...price } }, { $count: "n" }],
          brands: [{ $match: price }, { $group: { _id: "$brand", count: { $sum: 1 } } }, { $sort: { count: -1, _id: 1 } }],
          bands: [
            { $match: byBrand },
            { $bucket: { groupBy: "$priceCents", boundaries: BAND_BOUNDARIES, default: "top", output: { count: { $sum: 1 } } } },
          ],
        },
      },
    ])
    .toArray();

  const counted = new Map(result.bands.map((b) => [b._id, b.count]));
  const priceBands: PriceBand[] = BAND_BOUNDARIES.map((min, i) => ({
    min,
    max: BAND_BOUNDARIES[i + 1] ?? null,
    count: counted.get(i + 1 < BAND_BOUNDARIES.length ? min : "top") ?? 0,
  }));
  return {
    total: result.total[0]?.n ?? 0,
    items: result.items.map(({ id, name, brand, priceCents }) => ({ id, name, brand, priceCents })),
    facets: { brands: result.brands.map((b) => ({ brand: b._id, count: b.count })), priceBands },
  };
}

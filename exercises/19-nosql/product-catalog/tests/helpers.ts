import type { MongoDb } from "@roadlab/mongo";

const day = (iso: string) => new Date(`${iso}T09:00:00Z`);

function v2(id: string, brand: string, categoryId: string, priceCents: number, createdAt: string, variants: [string, string, number][]) {
  return {
    _id: id,
    schemaVersion: 2,
    name: id.replace("-", " "),
    brand,
    categoryId,
    priceCents,
    specs: { wattage: 6 },
    variants: variants.map(([sku, color, stock]) => ({ sku, color, stock })),
    rating: { count: 0, totalStars: 0 },
    createdAt: day(createdAt),
  };
}

/** Written straight to the collections, so search tests do not depend on addProduct. */
export async function seed(db: MongoDb): Promise<void> {
  await db.collection("categories").insertMany([
    { _id: "lamps", name: "Lamps" },
    { _id: "desks", name: "Desks" },
    { _id: "chairs", name: "Chairs" },
    { _id: "sofas", name: "Sofas" },
  ]);
  await db.collection("products").insertMany([
    v2("arc-lamp", "Lumo", "lamps", 4900, "2024-01-01", [["arc-black", "black", 3]]),
    v2("desk-lamp", "Lumo", "lamps", 1999, "2024-01-05", [["dl-white", "white", 0], ["dl-black", "black", 5]]),
    v2("clip-lamp", "Brite", "lamps", 1250, "2024-02-01", [["clip-red", "red", 0]]),
    v2("floor-lamp", "Brite", "lamps", 12900, "2024-03-01", [["fl-grey", "grey", 2]]),
    // Version 1: no schemaVersion, dollars in `price`, no specs, no rating.
    { _id: "globe-lamp", name: "globe lamp", brand: "Nordlys", categoryId: "lamps", price: 29.99, variants: [{ sku: "globe-white", color: "white", stock: 4 }], createdAt: day("2023-06-01") },
    v2("oak-desk", "Woodo", "desks", 24900, "2024-01-10", [["oak-natural", "natural", 1]]),
    v2("pine-desk", "Woodo", "desks", 9900, "2024-02-10", [["pine-natural", "natural", 6]]),
    v2("task-chair", "Sitwell", "chairs", 8900, "2024-01-20", [["tc-black", "black", 10]]),
    v2("mini-lamp", "Lumo", "lamps", 1250, "2024-04-01", [["mini-blue", "blue", 1]]),
  ]);
}

/** The same database, with every collection method call recorded as "collection.method". */
export function recording(db: MongoDb): { db: MongoDb; calls: string[] } {
  const calls: string[] = [];
  const wrapped = new Proxy(db, {
    get(target, prop) {
      if (prop !== "collection") {
        const value = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      }
      return (name: string) => {
        const collection = target.collection(name);
        return new Proxy(collection, {
          get(c, method) {
            const value = Reflect.get(c, method);
            if (typeof value !== "function") return value;
            return (...args: unknown[]) => {
              calls.push(`${name}.${String(method)}`);
              return value.apply(c, args);
            };
          },
        });
      };
    },
  });
  return { db: wrapped, calls };
}

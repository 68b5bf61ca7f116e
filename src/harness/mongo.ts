/**
 * `@roadlab/mongo` — the MongoDB Node driver's collection API on mingo's query engine, in memory.
 *
 *   let db: MongoDb;
 *   beforeEach(async () => { db = await createMongo(); });
 *   const users = db.collection("users");
 *
 * Results have the driver's shapes (insertedId, matchedCount, modifiedCount, deletedCount,
 * upsertedId), `_id` is generated when absent, and a unique index rejects duplicates with code 11000.
 */
import { Aggregator, Query, updateOne as mingoUpdate } from "mingo";
import type { Options } from "mingo/types";
import {
  checkUnique,
  copy,
  FindCursor,
  indexName,
  MongoServerError,
  ObjectId,
  type Document,
  type Filter,
  type FindOptions,
  type Index,
} from "./mongo-support";

export { FindCursor, MongoServerError, ObjectId, type Document, type Filter, type FindOptions };

export interface UpdateOptions {
  upsert?: boolean;
  arrayFilters?: Document[];
}
export interface UpdateResult {
  acknowledged: true;
  matchedCount: number;
  modifiedCount: number;
  upsertedCount: number;
  upsertedId: unknown;
}
export interface InsertOneResult {
  acknowledged: true;
  insertedId: unknown;
}
export interface InsertManyResult {
  acknowledged: true;
  insertedCount: number;
  insertedIds: Record<number, unknown>;
}
export interface DeleteResult {
  acknowledged: true;
  deletedCount: number;
}
export interface FindOneAndUpdateOptions extends UpdateOptions, Pick<FindOptions, "projection" | "sort"> {
  returnDocument?: "before" | "after";
}

export class Collection<T extends Document = Document> {
  #docs: Document[] = [];
  #indexes: Index[] = [{ name: "_id_", keys: { _id: 1 }, unique: true }];

  constructor(
    readonly collectionName: string,
    private readonly db: MongoDb,
  ) {}

  get namespace(): string {
    return `${this.db.databaseName}.${this.collectionName}`;
  }

  /** What `$lookup` reads from another collection. */
  documents(): Document[] {
    return this.#docs;
  }

  async insertOne(doc: T): Promise<InsertOneResult> {
    const [insertedId] = this.#insert([doc]);
    return { acknowledged: true, insertedId };
  }

  async insertMany(docs: T[]): Promise<InsertManyResult> {
    const ids = this.#insert(docs);
    return { acknowledged: true, insertedCount: ids.length, insertedIds: { ...ids } };
  }

  find(filter: Filter = {}, options: FindOptions = {}): FindCursor<T> {
    return new FindCursor<T>(() => this.#docs, filter, this.#options(), options);
  }

  async findOne(filter: Filter = {}, options: FindOptions = {}): Promise<T | null> {
    const [doc] = await this.find(filter, { ...options, limit: 1 }).toArray();
    return doc ?? null;
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    return this.#matching(filter).length;
  }

  async estimatedDocumentCount(): Promise<number> {
    return this.#docs.length;
  }

  async distinct(field: string, filter: Filter = {}): Promise<unknown[]> {
    const [row] = new Aggregator([{ $match: filter }, { $unwind: { path: `$${field}`, preserveNullAndEmptyArrays: false } }, { $group: { _id: null, values: { $addToSet: `$${field}` } } }], this.#options()).run(this.#docs);
    return (row?.values as unknown[] | undefined) ?? [];
  }

  async updateOne(filter: Filter, update: Document | Document[], options: UpdateOptions = {}): Promise<UpdateResult> {
    return this.#update(filter, update, options, false);
  }

  async updateMany(filter: Filter, update: Document | Document[], options: UpdateOptions = {}): Promise<UpdateResult> {
    return this.#update(filter, update, options, true);
  }

  async replaceOne(filter: Filter, replacement: T, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    if (Object.keys(replacement).some((k) => k.startsWith("$"))) throw new MongoServerError("Replacement document must not contain atomic operators", 2);
    const [target] = this.#matching(filter);
    if (!target) {
      if (!options.upsert) return updated(0, 0);
      const [id] = this.#insert([{ ...replacement }]);
      return { ...updated(0, 0), upsertedCount: 1, upsertedId: id };
    }
    const next = { ...copy(replacement), _id: target._id };
    this.#commit(new Map([[target, next]]));
    return updated(1, 1);
  }

  async findOneAndUpdate(filter: Filter, update: Document | Document[], options: FindOneAndUpdateOptions = {}): Promise<T | null> {
    const [before] = await this.find(filter, { sort: options.sort, limit: 1 }).toArray();
    const result = await this.#update(before ? { _id: before._id } : filter, update, options, false);
    const id = before?._id ?? result.upsertedId;
    if (options.returnDocument !== "after") return before ? project<T>(before, options) : null;
    return id === undefined || id === null ? null : this.findOne({ _id: id }, { projection: options.projection });
  }

  async findOneAndDelete(filter: Filter, options: Pick<FindOptions, "sort" | "projection"> = {}): Promise<T | null> {
    const [doc] = await this.find(filter, { sort: options.sort, limit: 1 }).toArray();
    if (!doc) return null;
    this.#docs = this.#docs.filter((d) => String(d._id) !== String(doc._id));
    return project<T>(doc, options);
  }

  async deleteOne(filter: Filter = {}): Promise<DeleteResult> {
    const [target] = this.#matching(filter);
    if (target) this.#docs = this.#docs.filter((d) => d !== target);
    return { acknowledged: true, deletedCount: target ? 1 : 0 };
  }

  async deleteMany(filter: Filter = {}): Promise<DeleteResult> {
    const doomed = new Set(this.#matching(filter));
    this.#docs = this.#docs.filter((d) => !doomed.has(d));
    return { acknowledged: true, deletedCount: doomed.size };
  }

  aggregate<R = Document>(pipeline: Document[]): FindCursor<R> {
    const run = () => new Aggregator(pipeline, this.#options()).run(this.#docs) as Document[];
    return new FindCursor<R>(run, {}, this.#options());
  }

  async createIndex(keys: Index["keys"], options: { unique?: boolean; name?: string } = {}): Promise<string> {
    const index: Index = { name: options.name ?? indexName(keys), keys, unique: options.unique ?? false };
    checkUnique(this.namespace, [index], this.#docs);
    this.#indexes = [...this.#indexes.filter((i) => i.name !== index.name), index];
    return index.name;
  }

  async indexes(): Promise<{ name: string; key: Index["keys"]; unique?: boolean }[]> {
    return this.#indexes.map((i) => ({ name: i.name, key: i.keys, ...(i.unique && i.name !== "_id_" && { unique: true }) }));
  }

  async drop(): Promise<boolean> {
    this.#docs = [];
    this.#indexes = this.#indexes.slice(0, 1);
    return true;
  }

  #options(): Partial<Options> {
    return { collectionResolver: (name: string) => this.db.collection(name).documents() };
  }

  #matching(filter: Filter): Document[] {
    const query = new Query(filter, this.#options());
    return this.#docs.filter((doc) => query.test(doc));
  }

  #insert(docs: Document[]): unknown[] {
    // The driver adds the generated _id to the caller's object, too.
    for (const doc of docs) if (doc._id === undefined) doc._id = new ObjectId();
    const added = docs.map((doc) => copy(doc));
    checkUnique(this.namespace, this.#indexes, [...this.#docs, ...added]);
    this.#docs.push(...added);
    return docs.map((doc) => doc._id);
  }

  /** Replaces stored documents with their updated copies, or nothing if a unique index objects. */
  #commit(changes: Map<Document, Document>): void {
    const next = this.#docs.map((doc) => changes.get(doc) ?? doc);
    checkUnique(this.namespace, this.#indexes, next);
    this.#docs = next;
  }

  #update(filter: Filter, update: Document | Document[], options: UpdateOptions, many: boolean): UpdateResult {
    if (!Array.isArray(update) && !Object.keys(update).every((k) => k.startsWith("$"))) {
      throw new MongoServerError("Update document requires atomic operators", 9);
    }
    const { $setOnInsert, ...modifier } = Array.isArray(update) ? ({} as Document) : update;
    const apply = Array.isArray(update) ? update : modifier;
    const targets = this.#matching(filter);
    const chosen = many ? targets : targets.slice(0, 1);
    if (chosen.length === 0) {
      if (!options.upsert) return updated(0, 0);
      return this.#upsert(filter, apply, $setOnInsert as Document | undefined, options);
    }
    const changes = new Map<Document, Document>();
    for (const doc of chosen) {
      const next = copy(doc);
      const { modifiedCount } = mingoUpdate([next], filter as never, apply as never, { arrayFilters: options.arrayFilters }, this.#options());
      if (modifiedCount > 0) changes.set(doc, next);
    }
    this.#commit(changes);
    return updated(chosen.length, changes.size);
  }

  #upsert(filter: Filter, apply: Document | Document[], setOnInsert: Document | undefined, options: UpdateOptions): UpdateResult {
    // The new document starts from the filter's equality conditions, as the server builds it.
    const seed: Document = {};
    for (const [key, value] of Object.entries(filter)) {
      if (key.startsWith("$")) continue;
      const isOperator = value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).some((k) => k.startsWith("$"));
      if (!isOperator) seed[key] = copy(value);
      else if ("$eq" in (value as Document)) seed[key] = copy((value as Document).$eq);
    }
    const doc = expandDotted(seed);
    if (Object.keys(apply).length > 0 || Array.isArray(apply)) mingoUpdate([doc], {}, apply as never, { arrayFilters: options.arrayFilters }, this.#options());
    if (setOnInsert) mingoUpdate([doc], {}, { $set: setOnInsert } as never, {}, this.#options());
    const [id] = this.#insert([doc]);
    return { ...updated(0, 0), upsertedCount: 1, upsertedId: id };
  }
}

function updated(matchedCount: number, modifiedCount: number): UpdateResult {
  return { acknowledged: true, matchedCount, modifiedCount, upsertedCount: 0, upsertedId: null };
}

function expandDotted(flat: Document): Document {
  const out: Document = {};
  for (const [path, value] of Object.entries(flat)) {
    const keys = path.split(".");
    let at = out;
    for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Document;
    at[keys[keys.length - 1]] = value;
  }
  return out;
}

function project<T>(doc: Document, options: Pick<FindOptions, "projection">): T {
  if (!options.projection) return doc as T;
  const [shaped] = new Query({}).find([doc], options.projection as never).all();
  return shaped as T;
}

/** One in-memory database: collections appear on first use, as with the driver. */
export class MongoDb {
  readonly #collections = new Map<string, Collection<Document>>();
  constructor(readonly databaseName = "test") {}

  collection<T extends Document = Document>(name: string): Collection<T> {
    let found = this.#collections.get(name);
    if (!found) this.#collections.set(name, (found = new Collection(name, this)));
    return found as unknown as Collection<T>;
  }

  /** A cursor, as the driver's: `await db.listCollections().toArray()`. */
  listCollections(): { toArray(): Promise<{ name: string }[]> } {
    const names = [...this.#collections.keys()].map((name) => ({ name }));
    return { toArray: async () => names };
  }

  async dropDatabase(): Promise<boolean> {
    this.#collections.clear();
    return true;
  }
}

/** A new, empty database: one per test. */
export async function createMongo(): Promise<MongoDb> {
  return new MongoDb();
}

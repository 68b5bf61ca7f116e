/**
 * What the editor knows about `@roadlab/mongo` (src/harness/mongo.ts), for Monaco as
 * node_modules/@roadlab/mongo/index.d.ts. Shapes follow the MongoDB Node driver.
 */
export type Document = Record<string, any>;
export type Filter = Record<string, unknown>;
export type SortSpec = Record<string, 1 | -1>;
export type Projection = Record<string, unknown>;

export declare class ObjectId {
  constructor(hex?: string);
  toHexString(): string;
  equals(other: unknown): boolean;
  getTimestamp(): Date;
}

/** `code` 11000: a duplicate key under a unique index; `keyValue` names it. */
export declare class MongoServerError extends Error {
  readonly code: number;
  readonly keyValue?: Document;
}

export interface FindOptions {
  projection?: Projection;
  sort?: SortSpec;
  skip?: number;
  limit?: number;
}

export interface FindCursor<T = Document> extends AsyncIterable<T> {
  sort(spec: SortSpec): this;
  skip(n: number): this;
  limit(n: number): this;
  project<P = Document>(projection: Projection): FindCursor<P>;
  map<U>(fn: (doc: T) => U): FindCursor<U>;
  toArray(): Promise<T[]>;
  next(): Promise<T | null>;
  hasNext(): Promise<boolean>;
}

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
export interface FindOneAndUpdateOptions extends UpdateOptions {
  projection?: Projection;
  sort?: SortSpec;
  /** "before" (the default, as in the driver) or "after" the update. */
  returnDocument?: "before" | "after";
}

export interface Collection<T extends Document = Document> {
  readonly collectionName: string;
  insertOne(doc: T): Promise<InsertOneResult>;
  insertMany(docs: T[]): Promise<InsertManyResult>;
  find(filter?: Filter, options?: FindOptions): FindCursor<T>;
  findOne(filter?: Filter, options?: FindOptions): Promise<T | null>;
  countDocuments(filter?: Filter): Promise<number>;
  estimatedDocumentCount(): Promise<number>;
  distinct(field: string, filter?: Filter): Promise<unknown[]>;
  /** `$set`, `$inc`, `$push`, `$pull`, `$unset`, `$addToSet`, … with positional `$` and `$[id]`. */
  updateOne(filter: Filter, update: Document | Document[], options?: UpdateOptions): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Document | Document[], options?: UpdateOptions): Promise<UpdateResult>;
  replaceOne(filter: Filter, replacement: T, options?: { upsert?: boolean }): Promise<UpdateResult>;
  findOneAndUpdate(filter: Filter, update: Document | Document[], options?: FindOneAndUpdateOptions): Promise<T | null>;
  findOneAndDelete(filter: Filter, options?: { sort?: SortSpec; projection?: Projection }): Promise<T | null>;
  deleteOne(filter?: Filter): Promise<DeleteResult>;
  deleteMany(filter?: Filter): Promise<DeleteResult>;
  aggregate<R = Document>(pipeline: Document[]): FindCursor<R>;
  /** Returns the index name, e.g. "email_1"; `unique` rejects duplicates with code 11000. */
  createIndex(keys: Record<string, 1 | -1 | string>, options?: { unique?: boolean; name?: string }): Promise<string>;
  indexes(): Promise<{ name: string; key: Record<string, 1 | -1 | string>; unique?: boolean }[]>;
  drop(): Promise<boolean>;
}

export interface MongoDb {
  readonly databaseName: string;
  collection<T extends Document = Document>(name: string): Collection<T>;
  listCollections(): { toArray(): Promise<{ name: string }[]> };
  dropDatabase(): Promise<boolean>;
}

/** A new, empty in-memory database. */
export function createMongo(): Promise<MongoDb>;

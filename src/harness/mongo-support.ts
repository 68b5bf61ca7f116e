/** The pieces of `@roadlab/mongo` around mingo: ids, errors, copies, cursors, unique indexes. */
import { Query } from "mingo";
import type { Options } from "mingo/types";

export type Document = Record<string, unknown>;
export type Filter = Record<string, unknown>;
export type SortSpec = Record<string, 1 | -1>;
export type Projection = Record<string, unknown>;

let counter = Math.floor(Math.random() * 0xffffff);
const processPart = Array.from({ length: 5 }, () => Math.floor(Math.random() * 256).toString(16).padStart(2, "0")).join("");

/** A 12-byte id laid out as BSON's: seconds since the epoch, a per-process random part, a counter. */
export class ObjectId {
  readonly #hex: string;
  constructor(hex?: string) {
    if (hex !== undefined && !/^[0-9a-f]{24}$/i.test(hex)) throw new TypeError(`ObjectId: expected 24 hex characters, got "${hex}"`);
    counter = (counter + 1) % 0x1000000;
    this.#hex = (hex ?? Math.floor(Date.now() / 1000).toString(16).padStart(8, "0") + processPart + counter.toString(16).padStart(6, "0")).toLowerCase();
  }
  toHexString(): string {
    return this.#hex;
  }
  toString(): string {
    return this.#hex;
  }
  toJSON(): string {
    return this.#hex;
  }
  equals(other: unknown): boolean {
    return String(other) === this.#hex;
  }
  getTimestamp(): Date {
    return new Date(parseInt(this.#hex.slice(0, 8), 16) * 1000);
  }
}

/** What the driver throws for a server-side failure; `code` 11000 is a duplicate key. */
export class MongoServerError extends Error {
  override name = "MongoServerError";
  constructor(
    message: string,
    readonly code: number,
    readonly keyValue?: Document,
  ) {
    super(message);
  }
}

/** A deep copy that keeps ids and dates as they are: the driver never hands out stored objects. */
export function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) as T;
  }
  return value;
}

export function valueAt(doc: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((at, key) => (at && typeof at === "object" ? (at as Document)[key] : undefined), doc);
}

export interface Index {
  name: string;
  keys: Record<string, 1 | -1 | string>;
  unique: boolean;
}

export function indexName(keys: Index["keys"]): string {
  return Object.entries(keys).map(([field, dir]) => `${field}_${dir}`).join("_");
}

/** Throws the driver's E11000 error when `docs` hold two documents with the same unique key. */
export function checkUnique(namespace: string, indexes: readonly Index[], docs: readonly Document[]): void {
  for (const index of indexes) {
    if (!index.unique) continue;
    const fields = Object.keys(index.keys);
    const owner = new Map<string, Document>();
    for (const doc of docs) {
      for (const values of indexKeys(doc, fields)) {
        const key = JSON.stringify(values);
        const first = owner.get(key);
        // One document may repeat a value in its own array; two documents may not share one.
        if (first === undefined) owner.set(key, doc);
        if (first === undefined || first === doc) continue;
        const keyValue = Object.fromEntries(fields.map((f, i) => [f, values[i]]));
        const shown = fields.map((f, i) => `${f}: ${JSON.stringify(values[i])}`).join(", ");
        throw new MongoServerError(`E11000 duplicate key error collection: ${namespace} index: ${index.name} dup key: { ${shown} }`, 11000, keyValue);
      }
    }
  }
}

/** A document's keys in an index: one per array element on a field's path, as MongoDB's multikey indexes have. */
function indexKeys(doc: Document, fields: readonly string[]): unknown[][] {
  return fields.reduce<unknown[][]>(
    (keys, field) => keys.flatMap((key) => fieldValues(doc, field.split(".")).map((value) => [...key, value])),
    [[]],
  );
}

function fieldValues(at: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(at)) return at.length === 0 ? [null] : at.flatMap((item) => fieldValues(item, path));
  // A missing field counts as null, as in MongoDB: two documents without it collide.
  if (path.length === 0) return [at ?? null];
  if (at === null || typeof at !== "object") return [null];
  return fieldValues((at as Document)[path[0]], path.slice(1));
}

export interface FindOptions {
  projection?: Projection;
  sort?: SortSpec;
  skip?: number;
  limit?: number;
}

/** `find()`'s cursor: options chain until the first read, which runs the query over a snapshot. */
export class FindCursor<T = Document> {
  #options: FindOptions;
  #mapper: ((doc: Document) => unknown) | undefined;
  #buffer: T[] | undefined;

  constructor(
    private readonly source: () => Document[],
    private readonly filter: Filter,
    private readonly mingoOptions: Partial<Options>,
    options: FindOptions = {},
  ) {
    this.#options = { ...options };
  }

  sort(spec: SortSpec): this {
    return this.#set({ sort: spec });
  }
  skip(n: number): this {
    return this.#set({ skip: n });
  }
  limit(n: number): this {
    return this.#set({ limit: n });
  }
  project<P = Document>(projection: Projection): FindCursor<P> {
    return this.#set({ projection }) as unknown as FindCursor<P>;
  }
  map<U>(fn: (doc: T) => U): FindCursor<U> {
    const previous = this.#mapper;
    this.#mapper = (doc) => fn((previous ? previous(doc) : doc) as T);
    return this as unknown as FindCursor<U>;
  }

  async toArray(): Promise<T[]> {
    const all = this.#run();
    this.#buffer = [];
    return all;
  }
  async next(): Promise<T | null> {
    this.#buffer ??= this.#run();
    return this.#buffer.shift() ?? null;
  }
  async hasNext(): Promise<boolean> {
    this.#buffer ??= this.#run();
    return this.#buffer.length > 0;
  }
  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (let doc = await this.next(); doc !== null; doc = await this.next()) yield doc;
  }

  #set(options: FindOptions): this {
    if (this.#buffer) throw new Error("Cursor is already initialized: set sort/skip/limit/project before reading");
    this.#options = { ...this.#options, ...options };
    return this;
  }

  #run(): T[] {
    const { projection, sort, skip, limit } = this.#options;
    let cursor = new Query(this.filter, this.mingoOptions).find<Document>(this.source(), projection as never);
    if (sort) cursor = cursor.sort(sort);
    if (skip) cursor = cursor.skip(skip);
    if (limit) cursor = cursor.limit(limit);
    const docs = cursor.all().map((doc) => copy(doc));
    return (this.#mapper ? docs.map(this.#mapper) : docs) as T[];
  }
}

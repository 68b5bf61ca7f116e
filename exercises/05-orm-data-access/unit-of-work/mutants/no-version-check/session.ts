import type { Db } from "@roadlab/db";
import { OrmError, type Entity, type EntityState, type Mapping } from "./types";

type Fields = Record<string, unknown>;

/** What the session knows about one object it tracks. */
interface Entry {
  mapping: Mapping<Entity>;
  state: "new" | "managed" | "removed";
  /** The persistent fields as last read from or written to the database; the dirty check compares against it. */
  snapshot: Fields;
}

interface Queryable {
  query: Db["query"];
}

/**
 * A unit of work with an identity map: one object per row, changes collected in memory and
 * written by flush() in one transaction, each UPDATE guarded by the version it read.
 */
export class Session {
  private readonly entries = new Map<object, Entry>();
  /** table → id → the one object for that row. */
  private readonly identity = new Map<string, Map<number, Entity>>();
  /** New entities, in the order add() saw them: inserts run in that order. */
  private readonly added: Entity[] = [];

  constructor(private readonly db: Db) {}

  async find<T extends Entity>(mapping: Mapping<T>, id: number): Promise<T | null> {
    const [found] = await this.findMany(mapping, [id]);
    return found ?? null;
  }

  async findMany<T extends Entity>(mapping: Mapping<T>, ids: number[]): Promise<T[]> {
    const missing = [...new Set(ids)].filter((id) => !this.mapped(mapping, id));
    if (missing.length > 0) {
      const { rows } = await this.db.query(`SELECT * FROM ${mapping.table} WHERE id = ANY($1)`, [missing]);
      for (const row of rows) this.track(mapping, row);
    }
    return ids.map((id) => this.mapped(mapping, id)).filter((e): e is T => e !== undefined && this.entries.get(e)?.state !== "removed");
  }

  async findBy<T extends Entity>(mapping: Mapping<T>, where: Partial<T>): Promise<T[]> {
    const params: unknown[] = [];
    const conditions = Object.entries(where).map(([key, value]) => {
      const column = (mapping.columns as Record<string, string>)[key];
      if (column === undefined) throw new Error(`findBy: ${mapping.table} has no property ${key}`);
      params.push(value);
      return `${column} = $${params.length}`;
    });
    const filter = conditions.length > 0 ? ` WHERE ${conditions.join(" AND ")}` : "";
    const { rows } = await this.db.query(`SELECT * FROM ${mapping.table}${filter} ORDER BY id`, params);
    return rows.map((row) => this.track(mapping, row)).filter((e) => this.entries.get(e)?.state !== "removed");
  }

  add<T extends Entity>(mapping: Mapping<T>, fields: Omit<T, "id" | "version">): T {
    const entity = { ...fields, id: 0, version: 0 } as T;
    this.entries.set(entity, { mapping: mapping as Mapping<Entity>, state: "new", snapshot: {} });
    this.added.push(entity);
    return entity;
  }

  remove(entity: Entity): void {
    const entry = this.entries.get(entity);
    if (entry === undefined) throw new OrmError("NOT_MANAGED", "remove(): this session does not manage that object");
    if (entry.state === "new") this.forget(entity);
    else entry.state = "removed";
  }

  detach(entity: Entity): void {
    if (this.entries.has(entity)) this.forget(entity);
  }

  state(entity: Entity): EntityState {
    const entry = this.entries.get(entity);
    if (entry === undefined) return "detached";
    if (entry.state === "managed" && this.changedColumns(entity, entry).length > 0) return "dirty";
    return entry.state;
  }

  async flush(): Promise<void> {
    const inserts = this.added.filter((e) => this.entries.get(e)?.state === "new");
    const updates: [Entity, Entry, [string, string][]][] = [];
    const deletes: [Entity, Entry][] = [];
    for (const [object, entry] of this.entries) {
      const entity = object as Entity;
      if (entry.state === "managed") {
        const changed = this.changedColumns(entity, entry);
        if (changed.length > 0) updates.push([entity, entry, changed]);
      } else if (entry.state === "removed") deletes.push([entity, entry]);
    }
    if (inserts.length + updates.length + deletes.length === 0) return;

    // Nothing touches the objects until the transaction committed: a failed flush leaves the session as it was.
    const inserted = new Map<Entity, Fields>();
    const versions = new Map<Entity, number>();
    await this.db.transaction(async (tx) => {
      for (const entity of inserts) inserted.set(entity, await this.insert(tx, entity, this.entries.get(entity)!.mapping));
      for (const [entity, entry, changed] of updates) versions.set(entity, await this.update(tx, entity, entry, changed));
      for (const [entity, entry] of deletes) {
        const { affectedRows } = await tx.query(`DELETE FROM ${entry.mapping.table} WHERE id = $1`, [entity.id]);
        if (affectedRows === 0) throw stale(entry.mapping, entity.id);
      }
    });

    for (const [entity, row] of inserted) {
      const entry = this.entries.get(entity)!;
      Object.assign(entity, this.fromRow(entry.mapping, row));
      this.adopt(entity, entry);
    }
    for (const [entity, version] of versions) {
      entity.version = version;
      this.adopt(entity, this.entries.get(entity)!);
    }
    for (const [entity] of deletes) this.forget(entity);
    this.added.length = 0;
  }

  private async insert(tx: Queryable, entity: Entity, mapping: Mapping<Entity>): Promise<Fields> {
    const keys = this.persistentKeys(mapping);
    const columns = keys.map((k) => this.column(mapping, k));
    const values = keys.map((k) => (entity as unknown as Fields)[k]);
    const placeholders = keys.map((_, i) => `$${i + 1}`);
    const { rows } = await tx.query<Fields>(
      `INSERT INTO ${mapping.table} (${columns.join(", ")}) VALUES (${placeholders.join(", ")}) RETURNING *`,
      values,
    );
    return rows[0]!;
  }

  private async update(tx: Queryable, entity: Entity, entry: Entry, changed: [string, string][]): Promise<number> {
    const values = changed.map(([key]) => (entity as unknown as Fields)[key]);
    const sets = changed.map(([, column], i) => `${column} = $${i + 1}`);
    const n = values.length;
    const { rows } = await tx.query<{ version: number }>(
      `UPDATE ${entry.mapping.table} SET ${sets.join(", ")}, version = version + 1 WHERE id = $${n + 1} RETURNING version`,
      [...values, entity.id],
    );
    if (rows.length === 0) throw stale(entry.mapping, entity.id);
    return rows[0]!.version;
  }

  /** The row's object: the one already in the identity map (its unflushed changes kept), or a new managed one. */
  private track<T extends Entity>(mapping: Mapping<T>, row: Fields): T {
    const id = row.id as number;
    const existing = this.mapped(mapping, id);
    if (existing !== undefined) return existing;
    const entity = this.fromRow(mapping, row) as T;
    this.adopt(entity, { mapping: mapping as Mapping<Entity>, state: "managed", snapshot: {} });
    return entity;
  }

  private adopt(entity: Entity, entry: Entry): void {
    entry.state = "managed";
    entry.snapshot = { ...(entity as unknown as Fields) };
    this.entries.set(entity, entry);
    let rows = this.identity.get(entry.mapping.table);
    if (rows === undefined) this.identity.set(entry.mapping.table, (rows = new Map()));
    rows.set(entity.id, entity);
  }

  private forget(entity: Entity): void {
    const entry = this.entries.get(entity);
    if (entry === undefined) return;
    this.entries.delete(entity);
    const rows = this.identity.get(entry.mapping.table);
    if (rows?.get(entity.id) === entity) rows.delete(entity.id);
    const i = this.added.indexOf(entity);
    if (i >= 0) this.added.splice(i, 1);
  }

  private mapped<T extends Entity>(mapping: Mapping<T>, id: number): T | undefined {
    return this.identity.get(mapping.table)?.get(id) as T | undefined;
  }

  private changedColumns(entity: Entity, entry: Entry): [string, string][] {
    return this.persistentKeys(entry.mapping)
      .filter((key) => (entity as unknown as Fields)[key] !== entry.snapshot[key])
      .map((key) => [key, this.column(entry.mapping, key)]);
  }

  /** The properties the application may change: everything but id and version. */
  private persistentKeys(mapping: Mapping<Entity>): string[] {
    return Object.keys(mapping.columns).filter((k) => k !== "id" && k !== "version");
  }

  private column(mapping: Mapping<Entity>, key: string): string {
    return (mapping.columns as Record<string, string>)[key]!;
  }

  private fromRow(mapping: Mapping<Entity>, row: Fields): Fields {
    return Object.fromEntries(Object.entries(mapping.columns).map(([key, column]) => [key, row[column]]));
  }
}

function stale(mapping: Mapping<Entity>, id: number): OrmError {
  return new OrmError("STALE", `${mapping.table} ${id} was changed or deleted since it was read`);
}

import type { Db } from "@roadlab/db";
import { OrmError, type Entity, type EntityState, type Mapping } from "./types";

/**
 * A unit of work with an identity map: one object per row, changes collected in memory and
 * written by flush() in one transaction, each UPDATE and DELETE guarded by the version it read.
 */
export class Session {
  constructor(private readonly db: Db) {}

  /** The entity with this id (the same object every time in this session), or null. */
  async find<T extends Entity>(mapping: Mapping<T>, id: number): Promise<T | null> {
    throw new Error("not implemented");
  }

  /** The entities with these ids, in the order asked, unknown ids left out; one query at most, for the ids not held yet. */
  async findMany<T extends Entity>(mapping: Mapping<T>, ids: number[]): Promise<T[]> {
    throw new Error("not implemented");
  }

  /** The entities whose properties equal `where` (all of them for {}), ordered by id. */
  async findBy<T extends Entity>(mapping: Mapping<T>, where: Partial<T>): Promise<T[]> {
    throw new Error("not implemented");
  }

  /** A new entity (id 0, version 0 until flush), inserted by the next flush. */
  add<T extends Entity>(mapping: Mapping<T>, fields: Omit<T, "id" | "version">): T {
    throw new Error("not implemented");
  }

  /** Schedules a managed entity's DELETE; a new one is simply forgotten. NOT_MANAGED for anything else. */
  remove(entity: Entity): void {
    throw new OrmError("NOT_MANAGED", "not implemented");
  }

  /** Stops tracking the entity: its later changes are never written. */
  detach(entity: Entity): void {
    throw new Error("not implemented");
  }

  state(entity: Entity): EntityState {
    throw new Error("not implemented");
  }

  /** Writes inserts, then updates, then deletes, in one transaction; nothing at all when nothing changed. */
  async flush(): Promise<void> {
    void this.db;
    throw new Error("not implemented");
  }
}

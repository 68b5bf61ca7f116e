import type { Db, Results } from "@roadlab/db";

// --- the domain: what the rest of the application sees ------------------------------------

export interface User {
  id: number;
  email: string;
  displayName: string;
  /** A calendar day as "YYYY-MM-DD" (not a Date: a birthday has no time and no timezone), or null. */
  birthDate: string | null;
  isActive: boolean;
  /** When the row was created; set by the database. */
  createdAt: Date;
}

/** What `save` accepts: a new user (no id) or a changed existing one (a whole `User` works too). */
export interface UserDraft {
  /** Absent: INSERT a new user. Present: UPDATE the user with this id. */
  id?: number;
  email: string;
  displayName: string;
  birthDate: string | null;
  isActive: boolean;
  /** Ignored: the database sets it on insert, and an update never changes it. */
  createdAt?: Date;
}

export interface Address {
  id: number;
  userId: number;
  label: string;
  line1: string;
  city: string;
  postalCode: string;
  /** Two uppercase letters, e.g. "GB" (the database checks this). */
  countryCode: string;
}

/** An address to store for a user: everything except the ids, which the database provides. */
export type AddressDraft = Omit<Address, "id" | "userId">;

// --- the database: rows exactly as PGlite returns them --------------------------------------

export interface UserRow {
  id: number;
  email: string;
  display_name: string;
  /** PGlite returns a `date` column as a Date at midnight UTC of that day. */
  birth_date: Date | null;
  is_active: boolean;
  created_at: Date;
}

export interface AddressRow {
  id: number;
  user_id: number;
  label: string;
  line1: string;
  city: string;
  postal_code: string;
  country_code: string;
}

/** Conditions for findMany; every field is optional and they combine with AND. */
export interface UserFilter {
  isActive?: boolean;
  /** The whole part after "@", compared case-insensitively: "example.com" matches "x@EXAMPLE.com", not "x@sub.example.com". */
  emailDomain?: string;
  /** Users with at least one address in this city (exact match). */
  city?: string;
  /** Users created strictly after this instant. */
  createdAfter?: Date;
  /** At most this many users (a positive integer). */
  limit?: number;
}

/** `save` was asked to update a user that does not exist. */
export class EntityNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EntityNotFoundError";
  }
}

/** Another user already has this email (the UNIQUE constraint said no). */
export class DuplicateEmailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DuplicateEmailError";
  }
}

/** Anything that can run a query: `db` itself, or the `tx` inside `db.transaction`. */
export interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<Results<T>>;
}

// --- mapping --------------------------------------------------------------------------------

/** Row → entity: snake_case → camelCase, and the `date` column → "YYYY-MM-DD". */
export function toUser(row: UserRow): User {
  // TODO: return { id, email, displayName, birthDate, isActive, createdAt } from the row.
  // birth_date is a Date at midnight UTC (or null!): read it with UTC methods, e.g.
  // toISOString().slice(0, 10). created_at is already a Date.
  throw new Error("TODO: implement toUser");
}

export function toAddress(row: AddressRow): Address {
  // TODO: the same for addresses (user_id → userId, postal_code → postalCode, …).
  throw new Error("TODO: implement toAddress");
}

// --- the repository -------------------------------------------------------------------------

/**
 * A Data Mapper for users: plain objects in, plain objects out, and all the SQL in one place.
 * Tip: write the SQL in helpers that take a `Queryable`, so the same code runs on `this.db`
 * and on the `tx` inside a transaction.
 */
export class UserRepository {
  constructor(private readonly db: Db) {}

  /** The user with this id, or null. */
  async findById(id: number): Promise<User | null> {
    // TODO: SELECT the user's columns WHERE id = $1, map with toUser, null if no row.
    throw new Error("TODO: implement findById");
  }

  /** Users matching every given condition, ordered by id. Throws RangeError for a bad limit. */
  async findMany(filter: UserFilter = {}): Promise<User[]> {
    // TODO: validate limit. Build the WHERE clause from the conditions that are present,
    // pushing each value onto a params array and writing its $n placeholder into the SQL.
    // ORDER BY id, then LIMIT. For city, make sure a user with two addresses there appears once.
    throw new Error("TODO: implement findMany");
  }

  /**
   * INSERT when `user.id` is absent, UPDATE otherwise; returns the stored user as the database
   * now has it (generated id, created_at). Throws EntityNotFoundError when updating a missing
   * id, DuplicateEmailError when the email is taken.
   */
  async save(user: UserDraft): Promise<User> {
    // TODO: INSERT … RETURNING or UPDATE … WHERE id = … RETURNING. No row back from the UPDATE
    // means the user does not exist. Catch the unique violation (error.code "23505") and throw
    // DuplicateEmailError instead.
    throw new Error("TODO: implement save");
  }

  /** Deletes the user (and, by ON DELETE CASCADE, their addresses). False if there was none. */
  async delete(id: number): Promise<boolean> {
    // TODO: DELETE … RETURNING id, and report whether a row came back.
    throw new Error("TODO: implement delete");
  }

  /**
   * Saves the user and replaces ALL their addresses with `addresses`, in one transaction: if
   * anything fails, nothing changed. Returns the user and the new addresses in the given order.
   */
  async saveWithAddresses(user: UserDraft, addresses: AddressDraft[]): Promise<{ user: User; addresses: Address[] }> {
    // TODO: return this.db.transaction(async (tx) => { … }) and use ONLY tx inside:
    // save the user, delete their old addresses, insert the new ones (RETURNING), map them.
    throw new Error("TODO: implement saveWithAddresses");
  }
}

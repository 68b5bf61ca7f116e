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
  /** The part after "@", compared case-insensitively: "example.com" matches "x@EXAMPLE.com". */
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
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    // UTC getters (via toISOString), because the driver put the day at midnight UTC. Local
    // getters would turn 10 December into 9 December for anyone west of Greenwich.
    birthDate: row.birth_date === null ? null : row.birth_date.toISOString().slice(0, 10),
    isActive: row.is_active,
    createdAt: row.created_at,
  };
}

export function toAddress(row: AddressRow): Address {
  return {
    id: row.id,
    userId: row.user_id,
    label: row.label,
    line1: row.line1,
    city: row.city,
    postalCode: row.postal_code,
    countryCode: row.country_code,
  };
}

// Listing columns (rather than SELECT *) keeps the row shape stable when a migration adds one.
const USER_COLUMNS = "id, email, display_name, birth_date, is_active, created_at";
const ADDRESS_COLUMNS = "id, user_id, label, line1, city, postal_code, country_code";

// --- the repository -------------------------------------------------------------------------

/**
 * A Data Mapper for users: plain objects in, plain objects out, and all the SQL in one place.
 * Every query goes through a `Queryable`, so the same code runs on `db` or inside a transaction.
 */
export class UserRepository {
  constructor(private readonly db: Db) {}

  /** The user with this id, or null. */
  async findById(id: number): Promise<User | null> {
    const { rows } = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows.length > 0 ? toUser(rows[0]) : null;
  }

  /** Users matching every given condition, ordered by id. Throws RangeError for a bad limit. */
  async findMany(filter: UserFilter = {}): Promise<User[]> {
    if (filter.limit !== undefined && !(Number.isInteger(filter.limit) && filter.limit > 0)) {
      throw new RangeError(`limit must be a positive integer, got ${filter.limit}`);
    }

    // A tiny query builder: each condition adds SQL text with a placeholder, and its value to
    // params. Values never become part of the SQL string.
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (filter.isActive !== undefined) where.push(`is_active = ${param(filter.isActive)}`);
    if (filter.emailDomain !== undefined) {
      where.push(`lower(email) LIKE '%' || lower(${param(filter.emailDomain)})`);
    }
    if (filter.city !== undefined) {
      // EXISTS, not JOIN: a user with two addresses in the city must still appear once.
      where.push(`EXISTS (SELECT 1 FROM addresses a WHERE a.user_id = users.id AND a.city = ${param(filter.city)})`);
    }
    if (filter.createdAfter !== undefined) where.push(`created_at > ${param(filter.createdAfter)}`);

    let sql = `SELECT ${USER_COLUMNS} FROM users`;
    if (where.length > 0) sql += ` WHERE ${where.join(" AND ")}`;
    sql += " ORDER BY id";
    if (filter.limit !== undefined) sql += ` LIMIT ${param(filter.limit)}`;

    const { rows } = await this.db.query<UserRow>(sql, params);
    return rows.map(toUser);
  }

  /**
   * INSERT when `user.id` is absent, UPDATE otherwise; returns the stored user as the database
   * now has it (generated id, created_at). Throws EntityNotFoundError when updating a missing
   * id, DuplicateEmailError when the email is taken.
   */
  async save(user: UserDraft): Promise<User> {
    return saveUser(this.db, user);
  }

  /** Deletes the user (and, by ON DELETE CASCADE, their addresses). False if there was none. */
  async delete(id: number): Promise<boolean> {
    const { rows } = await this.db.query(`DELETE FROM users WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }

  /**
   * Saves the user and replaces ALL their addresses with `addresses`, in one transaction: if
   * anything fails, nothing changed. Returns the user and the new addresses in the given order.
   */
  async saveWithAddresses(user: UserDraft, addresses: AddressDraft[]): Promise<{ user: User; addresses: Address[] }> {
    return this.db.transaction(async (tx) => {
      const saved = await saveUser(tx, user);
      await tx.query(`DELETE FROM addresses WHERE user_id = $1`, [saved.id]);
      const stored: Address[] = [];
      for (const address of addresses) {
        const { rows } = await tx.query<AddressRow>(
          `INSERT INTO addresses (user_id, label, line1, city, postal_code, country_code)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ADDRESS_COLUMNS}`,
          [saved.id, address.label, address.line1, address.city, address.postalCode, address.countryCode],
        );
        stored.push(toAddress(rows[0]));
      }
      return { user: saved, addresses: stored };
    });
  }
}

/** The one implementation of save, for `db` and for a transaction's `tx`. */
async function saveUser(q: Queryable, user: UserDraft): Promise<User> {
  // A birthday travels as "YYYY-MM-DD" text; Postgres parses it as a date with no timezone games.
  const values = [user.email, user.displayName, user.birthDate, user.isActive];
  try {
    if (user.id === undefined) {
      const { rows } = await q.query<UserRow>(
        `INSERT INTO users (email, display_name, birth_date, is_active)
         VALUES ($1, $2, $3, $4) RETURNING ${USER_COLUMNS}`,
        values,
      );
      return toUser(rows[0]);
    }
    const { rows } = await q.query<UserRow>(
      `UPDATE users SET email = $1, display_name = $2, birth_date = $3, is_active = $4
       WHERE id = $5 RETURNING ${USER_COLUMNS}`,
      [...values, user.id],
    );
    if (rows.length === 0) throw new EntityNotFoundError(`no user with id ${user.id}`);
    return toUser(rows[0]);
  } catch (error) {
    // Let the database enforce uniqueness (a SELECT first would race), then translate its
    // error into one the callers of a repository can understand.
    if ((error as { code?: string }).code === "23505") {
      throw new DuplicateEmailError(`email ${JSON.stringify(user.email)} is already taken`);
    }
    throw error;
  }
}

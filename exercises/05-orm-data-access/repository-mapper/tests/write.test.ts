import { describe, it, expect, beforeEach } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { UserRepository, EntityNotFoundError, DuplicateEmailError, type UserDraft, type AddressDraft } from "../main";

let db: Db;
let users: UserRepository;
beforeEach(async () => {
  db = await createDb();
  users = new UserRepository(db);
});

/** Both tables as plain rows, to compare before and after something that must change nothing. */
async function snapshot(db: Db) {
  const u = await db.query("SELECT id, email, display_name, birth_date::text, is_active, created_at FROM users ORDER BY id");
  const a = await db.query("SELECT id, user_id, label, line1, city, postal_code, country_code FROM addresses ORDER BY id");
  return { users: u.rows, addresses: a.rows };
}

async function addressRowsOf(db: Db, userId: number) {
  const { rows } = await db.query(
    "SELECT id, label, city, country_code FROM addresses WHERE user_id = $1 ORDER BY id",
    [userId],
  );
  return rows;
}

const margaret: UserDraft = {
  email: "margaret@nasa.gov",
  displayName: "Margaret Hamilton",
  birthDate: "1936-08-17",
  isActive: true,
};

const home: AddressDraft = { label: "home", line1: "1 Apollo Way", city: "Boston", postalCode: "02101", countryCode: "US" };
const work: AddressDraft = { label: "work", line1: "75 Cambridge Pkwy", city: "Cambridge", postalCode: "02142", countryCode: "US" };

describe("save", () => {
  it("inserts a user without an id and returns it with the generated id and created_at", async () => {
    const before = Date.now();
    const saved = await users.save(margaret);
    expect(saved).toEqual({ ...margaret, id: 7, createdAt: expect.any(Date) });
    expect(Math.abs(saved.createdAt.getTime() - before)).toBeLessThan(60_000);

    const { rows } = await db.query("SELECT email, display_name, birth_date::text AS birth_date, is_active FROM users WHERE id = 7");
    expect(rows).toEqual([{ email: "margaret@nasa.gov", display_name: "Margaret Hamilton", birth_date: "1936-08-17", is_active: true }]);
    expect(await users.findById(7)).toEqual(saved);
  });

  it("stores the calendar day it was given, a leap day and a missing birthday included", async () => {
    const leap = await users.save({ ...margaret, birthDate: "2000-02-29" });
    expect(leap.birthDate).toBe("2000-02-29");
    const none = await users.save({ ...margaret, email: "anon@example.com", birthDate: null });
    expect(none.birthDate).toBeNull();
    expect((await users.findById(none.id))?.birthDate).toBeNull();
  });

  it("updates an existing user, returns the stored version, and never changes created_at", async () => {
    const alan = (await users.findById(3))!;
    const saved = await users.save({ ...alan, displayName: "A. M. Turing", isActive: true, createdAt: new Date("1999-01-01T00:00:00Z") });
    expect(saved).toEqual({ ...alan, displayName: "A. M. Turing", isActive: true });
    expect(await users.findById(3)).toEqual(saved);
    const { rows } = await db.query("SELECT count(*)::int AS n FROM users");
    expect(rows).toEqual([{ n: 6 }]);
  });

  it("throws EntityNotFoundError when updating an id that does not exist, and inserts nothing", async () => {
    const before = await snapshot(db);
    await expect(users.save({ ...margaret, id: 999 })).rejects.toThrow(EntityNotFoundError);
    expect(await snapshot(db)).toEqual(before);
  });

  it("throws DuplicateEmailError when the email belongs to someone else, on insert and on update", async () => {
    const before = await snapshot(db);
    await expect(users.save({ ...margaret, email: "ada@example.com" })).rejects.toThrow(DuplicateEmailError);
    const grace = (await users.findById(2))!;
    await expect(users.save({ ...grace, email: "alan@example.com" })).rejects.toThrow(DuplicateEmailError);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("delete", () => {
  it("deletes a user with their addresses, and says whether there was one", async () => {
    expect(await users.delete(1)).toBe(true);
    expect(await users.findById(1)).toBeNull();
    expect(await addressRowsOf(db, 1)).toEqual([]);
    expect(await users.delete(1)).toBe(false);
    expect(await users.delete(999)).toBe(false);
  });
});

describe("saveWithAddresses", () => {
  it("creates a user and their addresses, returning both with generated ids, in the given order", async () => {
    const result = await users.saveWithAddresses(margaret, [work, home]);
    expect(result).toEqual({
      user: { ...margaret, id: 7, createdAt: expect.any(Date) },
      addresses: [
        { ...work, id: 7, userId: 7 },
        { ...home, id: 8, userId: 7 },
      ],
    });
    expect(await addressRowsOf(db, 7)).toEqual([
      { id: 7, label: "work", city: "Cambridge", country_code: "US" },
      { id: 8, label: "home", city: "Boston", country_code: "US" },
    ]);
  });

  it("updates an existing user and replaces all of their addresses", async () => {
    const ada = (await users.findById(1))!;
    const result = await users.saveWithAddresses({ ...ada, displayName: "Augusta Ada King" }, [home]);
    expect(result.user).toEqual({ ...ada, displayName: "Augusta Ada King" });
    expect(result.addresses).toEqual([{ ...home, id: 7, userId: 1 }]);
    // Both London addresses are gone; other users' addresses are untouched.
    expect(await addressRowsOf(db, 1)).toEqual([{ id: 7, label: "home", city: "Boston", country_code: "US" }]);
    expect(await addressRowsOf(db, 3)).toHaveLength(2);
  });

  it("removes every address when given an empty list", async () => {
    const alan = (await users.findById(3))!;
    expect(await users.saveWithAddresses(alan, [])).toEqual({ user: alan, addresses: [] });
    expect(await addressRowsOf(db, 3)).toEqual([]);
  });

  it("creates nothing when the database rejects the second address", async () => {
    const before = await snapshot(db);
    // "us" breaks the CHECK (country_code ~ '^[A-Z]{2}$') after the user and first address went in.
    await expect(users.saveWithAddresses(margaret, [home, { ...work, countryCode: "us" }])).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });

  it("leaves an existing user and their old addresses as they were when saving a new address fails", async () => {
    const before = await snapshot(db);
    const ada = (await users.findById(1))!;
    // Two addresses with the same label break UNIQUE (user_id, label).
    await expect(users.saveWithAddresses({ ...ada, displayName: "Changed" }, [home, { ...work, label: "home" }])).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });

  it("rolls back when the database itself fails halfway, not only for errors you could check up front", async () => {
    // A trigger makes the insert of any address in Springfield fail, as a crash or a new constraint might.
    await db.exec(`
      CREATE FUNCTION fail_in_springfield() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.city = 'Springfield' THEN RAISE EXCEPTION 'simulated failure while saving an address'; END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER fail_in_springfield BEFORE INSERT ON addresses
        FOR EACH ROW EXECUTE FUNCTION fail_in_springfield();
    `);
    const before = await snapshot(db);
    const grace = (await users.findById(2))!;
    await expect(
      users.saveWithAddresses({ ...grace, isActive: false }, [home, { ...work, city: "Springfield" }]),
    ).rejects.toThrow(/simulated failure/);
    expect(await snapshot(db)).toEqual(before);
  });

  it("fails with the repository's errors, and changes nothing, for an unknown id or a taken email", async () => {
    const before = await snapshot(db);
    await expect(users.saveWithAddresses({ ...margaret, id: 999 }, [home])).rejects.toThrow(EntityNotFoundError);
    await expect(users.saveWithAddresses({ ...margaret, email: "grace@navy.mil" }, [home])).rejects.toThrow(DuplicateEmailError);
    expect(await snapshot(db)).toEqual(before);
  });
});

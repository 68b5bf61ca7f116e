import { describe, it, expect, beforeEach } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { UserRepository, toUser, toAddress, type User } from "../main";

let db: Db;
let users: UserRepository;
beforeEach(async () => {
  db = await createDb();
  users = new UserRepository(db);
});

const ada: User = {
  id: 1,
  email: "ada@example.com",
  displayName: "Ada Lovelace",
  birthDate: "1815-12-10",
  isActive: true,
  createdAt: new Date("2024-01-05T09:00:00Z"),
};

const ids = (list: User[]) => list.map((user) => user.id);

const FIVE_HOURS = 5 * 60 * 60 * 1000;
/** A Date whose local-time methods behave as in a zone five hours west of UTC (New York in winter). */
class NewYorkDate extends Date {
  private west() {
    return new Date(this.getTime() - FIVE_HOURS);
  }
  override getFullYear() { return this.west().getUTCFullYear(); }
  override getMonth() { return this.west().getUTCMonth(); }
  override getDate() { return this.west().getUTCDate(); }
  override getDay() { return this.west().getUTCDay(); }
  override getHours() { return this.west().getUTCHours(); }
  override getTimezoneOffset() { return 300; }
  override toString() {
    return `${this.toDateString()} ${this.west().toISOString().slice(11, 19)} GMT-0500 (Eastern Standard Time)`;
  }
  override toDateString() { return this.west().toUTCString().slice(0, 16).replace(",", ""); }
  override toLocaleDateString(locales?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions) {
    return super.toLocaleDateString(locales, { timeZone: "America/New_York", ...options });
  }
  override toLocaleString(locales?: Intl.LocalesArgument, options?: Intl.DateTimeFormatOptions) {
    return super.toLocaleString(locales, { timeZone: "America/New_York", ...options });
  }
}

describe("mapping rows to entities", () => {
  it("maps a user row to camelCase fields only, with the date column as YYYY-MM-DD", () => {
    const user = toUser({
      id: 1,
      email: "ada@example.com",
      display_name: "Ada Lovelace",
      birth_date: new Date("1815-12-10T00:00:00Z"),
      is_active: true,
      created_at: new Date("2024-01-05T09:00:00Z"),
    });
    // toEqual with exactly these keys: no display_name or birth_date left over.
    expect(user).toEqual(ada);
    expect(Object.keys(user).sort()).toEqual(["birthDate", "createdAt", "displayName", "email", "id", "isActive"]);
    expect(user.createdAt).toBeInstanceOf(Date);
  });

  it("reads the calendar day with UTC getters, whatever the local time zone", () => {
    // The tests run in UTC, where local and UTC getters agree. This Date answers the local ones
    // as New York would (UTC−5), so code that reads the day in local time sees 9 December.
    const user = toUser({
      id: 1,
      email: "ada@example.com",
      display_name: "Ada Lovelace",
      birth_date: new NewYorkDate("1815-12-10T00:00:00Z"),
      is_active: true,
      created_at: new Date("2024-01-05T09:00:00Z"),
    });
    expect(user.birthDate).toBe("1815-12-10");
  });

  it("keeps a NULL birth date as null, not 1970-01-01", () => {
    const user = toUser({
      id: 4,
      email: "edsger@EXAMPLE.com",
      display_name: "Edsger Dijkstra",
      birth_date: null,
      is_active: true,
      created_at: new Date("2024-03-02T17:45:00Z"),
    });
    expect(user.birthDate).toBeNull();
  });

  it("maps an address row", () => {
    expect(
      toAddress({
        id: 6,
        user_id: 5,
        label: "work",
        line1: "32 Vassar Street",
        city: "Cambridge",
        postal_code: "02139",
        country_code: "US",
      }),
    ).toEqual({ id: 6, userId: 5, label: "work", line1: "32 Vassar Street", city: "Cambridge", postalCode: "02139", countryCode: "US" });
  });
});

describe("findById", () => {
  it("loads a user as an entity, birthday and all", async () => {
    expect(await users.findById(1)).toEqual(ada);
    expect(await users.findById(4)).toEqual({
      id: 4,
      email: "edsger@EXAMPLE.com",
      displayName: "Edsger Dijkstra",
      birthDate: null,
      isActive: true,
      createdAt: new Date("2024-03-02T17:45:00Z"),
    });
  });

  it("returns null for an id that does not exist", async () => {
    expect(await users.findById(999)).toBeNull();
  });
});

describe("findMany", () => {
  it("returns every user ordered by id when there is no filter", async () => {
    const all = await users.findMany();
    expect(ids(all)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(all[0]).toEqual(ada);
    expect(ids(await users.findMany({}))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("filters on isActive, true and false", async () => {
    expect(ids(await users.findMany({ isActive: false }))).toEqual([3, 6]);
    expect(ids(await users.findMany({ isActive: true }))).toEqual([1, 2, 4, 5]);
  });

  it("matches the email domain case-insensitively, and only the domain", async () => {
    expect(ids(await users.findMany({ emailDomain: "example.com" }))).toEqual([1, 3, 4]);
    expect(ids(await users.findMany({ emailDomain: "EXAMPLE.COM" }))).toEqual([1, 3, 4]);
    expect(ids(await users.findMany({ emailDomain: "mit.edu" }))).toEqual([5]);
    expect(ids(await users.findMany({ emailDomain: "example" }))).toEqual([]);
    // "_" and "%" are LIKE wildcards, not characters of a domain.
    expect(ids(await users.findMany({ emailDomain: "example_com" }))).toEqual([]);
    expect(ids(await users.findMany({ emailDomain: "%" }))).toEqual([]);
  });

  it("matches the whole domain, not every domain that ends with it", async () => {
    await db.query("INSERT INTO users (email, display_name) VALUES ($1, $2), ($3, $4)", [
      "eve@sub.example.com", "Eve",
      "mallory@notexample.com", "Mallory",
    ]);
    expect(ids(await users.findMany({ emailDomain: "example.com" }))).toEqual([1, 3, 4]);
    expect(ids(await users.findMany({ emailDomain: "sub.example.com" }))).toEqual([7]);
    expect(ids(await users.findMany({ emailDomain: "notexample.com" }))).toEqual([8]);
  });

  it("finds users with an address in a city, listing each user once", async () => {
    // Ada has two London addresses.
    expect(ids(await users.findMany({ city: "London" }))).toEqual([1]);
    expect(ids(await users.findMany({ city: "Cambridge" }))).toEqual([5]);
    expect(ids(await users.findMany({ city: "Paris" }))).toEqual([]);
  });

  it("keeps users created strictly after createdAfter", async () => {
    expect(ids(await users.findMany({ createdAfter: new Date("2024-03-01T00:00:00Z") }))).toEqual([4, 5, 6]);
    // User 4 was created at exactly this instant: not after it.
    expect(ids(await users.findMany({ createdAfter: new Date("2024-03-02T17:45:00Z") }))).toEqual([5, 6]);
  });

  it("combines conditions with AND and applies the limit after ordering", async () => {
    expect(ids(await users.findMany({ isActive: true, emailDomain: "example.com" }))).toEqual([1, 4]);
    expect(ids(await users.findMany({ isActive: false, city: "Wilmslow" }))).toEqual([3]);
    expect(ids(await users.findMany({ isActive: true, createdAfter: new Date("2024-01-10T00:00:00Z"), limit: 2 }))).toEqual([2, 4]);
    expect(ids(await users.findMany({ limit: 1 }))).toEqual([1]);
  });

  it("treats filter values as data, never as SQL", async () => {
    expect(await users.findMany({ emailDomain: "example.com' OR '1'='1" })).toEqual([]);
    expect(await users.findMany({ city: "%" })).toEqual([]);
    expect(await users.findMany({ city: "London'; DROP TABLE users; --" })).toEqual([]);
    expect(ids(await users.findMany())).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("rejects a limit that is not a positive integer with a RangeError", async () => {
    for (const limit of [0, -1, 1.5, Number.NaN]) {
      await expect(users.findMany({ limit }), `limit ${limit}`).rejects.toThrow(RangeError);
    }
  });
});

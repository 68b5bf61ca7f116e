import { describe, it, expect, beforeEach, afterEach, vi } from "vitest";
import { createDb, type Db } from "@roadlab/db";
import { AuthError, authorize, login, register, type Action, type Role, type User } from "../main";

const FAST = { iterations: 1_000 };
const ADA = { email: "ada@example.com", password: "analytical engine notes 1843" }; // admin, seeded
const GRACE = { email: "grace@example.com", password: "first compiler bug was a moth" }; // editor, seeded

let db: Db;
beforeEach(async () => {
  db = await createDb();
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function userRows() {
  const { rows } = await db.query<{ id: number; email: string; role: string; password_hash: string }>(
    "SELECT id, email, role, password_hash FROM users ORDER BY id",
  );
  return rows;
}

/**
 * The same database, but the first `parties` queries wait for each other and then run together:
 * two requests reach the database side by side in both runtimes, as they would under load.
 * (Released after a second anyway, so code that sends fewer queries does not hang.)
 */
function sideBySide<T extends Pick<Db, "query">>(target: T, parties: number): T {
  const waiting: (() => void)[] = [];
  let open = false;
  const release = () => {
    open = true;
    for (const go of waiting.splice(0)) go();
  };
  const timer = setTimeout(release, 1000);
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver);
      if (key !== "query") return typeof value === "function" ? value.bind(obj) : value;
      return async (...args: unknown[]) => {
        if (!open) {
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length >= parties) {
              clearTimeout(timer);
              release();
            }
          });
        }
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
}

describe("register", () => {
  it("creates a viewer with the normalised email and returns only id, email and role", async () => {
    const user = await register(db, { email: "  Linus@Example.com ", password: "penguins all the way down" }, FAST);
    expect(user).toEqual({ id: 5, email: "linus@example.com", role: "viewer" });

    const row = (await userRows()).find((r) => r.id === 5);
    expect(row?.email).toBe("linus@example.com");
    expect(row?.password_hash).toMatch(/^pbkdf2-sha256\$1000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(row?.password_hash).not.toContain("penguins");
  });

  it("ignores a role sent by the client: self sign-up is always a viewer", async () => {
    const input = { email: "mallory@example.com", password: "let me be the admin please", role: "admin" };
    const user = await register(db, input, FAST);
    expect(user.role).toBe("viewer");
    expect((await userRows()).find((r) => r.email === "mallory@example.com")?.role).toBe("viewer");
  });

  it("refuses an email that is already taken, in any letter case (email_taken)", async () => {
    const before = await userRows();
    await expect(register(db, { email: "ADA@example.com", password: "a brand new passphrase" }, FAST)).rejects.toMatchObject({
      code: "email_taken",
    });
    expect(await userRows()).toEqual(before);
  });

  it("lets the unique index decide: of two simultaneous sign-ups with one email, one gets email_taken", async () => {
    const shared = sideBySide(db, 2);
    const signUp = () => register(shared, { email: "twin@example.com", password: "two of us at the same moment" }, FAST);
    const results = await Promise.allSettled([signUp(), signUp()]);
    const outcomes = results.map((r) => (r.status === "fulfilled" ? "created" : (r.reason as AuthError).code ?? String(r.reason)));
    expect(outcomes.sort(), "outcomes of the two sign-ups").toEqual(["created", "email_taken"]);
    expect((await userRows()).filter((u) => u.email === "twin@example.com")).toHaveLength(1);
  });

  it("refuses an invalid email or a weak password, and stores nothing", async () => {
    const before = await userRows();
    await expect(register(db, { email: "not-an-email", password: "a brand new passphrase" }, FAST)).rejects.toMatchObject({
      code: "invalid_email",
    });
    await expect(register(db, { email: "new@example.com", password: "short" }, FAST)).rejects.toMatchObject({ code: "weak_password" });
    await expect(register(db, { email: "new@example.com", password: "password1234" }, FAST)).rejects.toMatchObject({
      code: "weak_password",
    });
    expect(await userRows()).toEqual(before);
  });
});

describe("login", () => {
  it("signs in a seeded user, whatever the email's case and surrounding spaces", async () => {
    expect(await login(db, "  Ada@Example.COM ", ADA.password, FAST)).toEqual({ id: 1, email: "ada@example.com", role: "admin" });
    expect(await login(db, GRACE.email, GRACE.password, FAST)).toEqual({ id: 2, email: "grace@example.com", role: "editor" });
  });

  it("signs in a user who just registered", async () => {
    await register(db, { email: "linus@example.com", password: "penguins all the way down" }, FAST);
    expect(await login(db, "linus@example.com", "penguins all the way down", FAST)).toEqual({
      id: 5,
      email: "linus@example.com",
      role: "viewer",
    });
  });

  it("gives the same error for a wrong password and an unknown email (no user enumeration)", async () => {
    const wrongPassword = await login(db, ADA.email, "analytical engine notes 1844", FAST).catch((e: unknown) => e);
    const unknownEmail = await login(db, "nobody@example.com", ADA.password, FAST).catch((e: unknown) => e);
    expect(wrongPassword).toBeInstanceOf(AuthError);
    expect(unknownEmail).toBeInstanceOf(AuthError);
    const { code, message } = wrongPassword as AuthError;
    expect({ code, message }).toMatchObject({ code: "invalid_credentials" });
    expect({ code: (unknownEmail as AuthError).code, message: (unknownEmail as AuthError).message }).toEqual({ code, message });
  });

  it("still runs PBKDF2 for an unknown email, with the configured cost, so timing does not tell", async () => {
    const deriveBits = vi.spyOn(crypto.subtle, "deriveBits");
    const deriveKey = vi.spyOn(crypto.subtle, "deriveKey");
    await expect(login(db, "nobody@example.com", "whatever it is they typed", FAST)).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    const runs = [...deriveBits.mock.calls, ...deriveKey.mock.calls].map(([algorithm]) => (algorithm as Pbkdf2Params).iterations);
    expect(runs, "PBKDF2 iteration counts used").toEqual([1_000]);
  });

  it("rejects everyone on a disabled account (a stored hash that is not a hash)", async () => {
    await expect(login(db, "edsger@example.com", "!", FAST)).rejects.toMatchObject({ code: "invalid_credentials" });
    await expect(login(db, "edsger@example.com", "", FAST)).rejects.toMatchObject({ code: "invalid_credentials" });
  });

  it("runs PBKDF2 exactly once for a disabled account and for a wrong password, as for an unknown email", async () => {
    const deriveBits = vi.spyOn(crypto.subtle, "deriveBits");
    const deriveKey = vi.spyOn(crypto.subtle, "deriveKey");
    const runs = () => [...deriveBits.mock.calls, ...deriveKey.mock.calls].map(([algorithm]) => (algorithm as Pbkdf2Params).iterations);
    await expect(login(db, "edsger@example.com", "let me in please", FAST)).rejects.toMatchObject({ code: "invalid_credentials" });
    expect(runs(), "PBKDF2 iteration counts used for the disabled account").toEqual([1_000]);
    deriveBits.mockClear();
    deriveKey.mockClear();
    await expect(login(db, GRACE.email, "first compiler bug was a bee", FAST)).rejects.toMatchObject({ code: "invalid_credentials" });
    expect(runs(), "PBKDF2 iteration counts used for a wrong password").toEqual([1_000]);
  });

  it("treats malformed emails and injection attempts as invalid credentials", async () => {
    for (const email of ["", "not-an-email", "' OR '1'='1", "ada@example.com' --"]) {
      await expect(login(db, email, ADA.password, FAST), JSON.stringify(email)).rejects.toMatchObject({ code: "invalid_credentials" });
    }
  });

  it("upgrades a hash made with fewer iterations than the current setting, after a successful login", async () => {
    await login(db, ADA.email, ADA.password, { iterations: 2_000 });
    const upgraded = (await userRows())[0].password_hash;
    expect(upgraded).toMatch(/^pbkdf2-sha256\$2000\$/);
    // The new hash still works, and logging in again at the same cost leaves it alone.
    expect(await login(db, ADA.email, ADA.password, { iterations: 2_000 })).toMatchObject({ id: 1 });
    expect((await userRows())[0].password_hash).toBe(upgraded);
  });

  it("does not touch the stored hash after a failed login", async () => {
    const before = await userRows();
    await expect(login(db, ADA.email, "wrong password entirely", { iterations: 2_000 })).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    expect(await userRows()).toEqual(before);
  });
});

describe("authorize", () => {
  const as = (role: string): User => ({ id: 1, email: "someone@example.com", role: role as Role });
  const actions: Action[] = ["posts:read", "posts:create", "posts:edit", "posts:delete", "users:manage"];
  const allowed: Record<Role, Action[]> = {
    viewer: ["posts:read"],
    editor: ["posts:read", "posts:create", "posts:edit"],
    admin: ["posts:read", "posts:create", "posts:edit", "posts:delete", "users:manage"],
  };

  it.each(["viewer", "editor", "admin"] as const)("grants the %s role exactly the actions in the permissions table", (role) => {
    const granted = actions.filter((action) => {
      try {
        authorize(as(role), action);
        return true;
      } catch (error) {
        expect(error, `authorize(${role}, ${action})`).toMatchObject({ code: "forbidden" });
        return false;
      }
    });
    expect(granted).toEqual(allowed[role]);
  });

  it("says unauthenticated (401), not forbidden (403), when there is no user", () => {
    for (const nobody of [null, undefined]) {
      expect(() => authorize(nobody, "posts:read")).toThrow(expect.objectContaining({ code: "unauthenticated" }));
    }
  });

  it("denies by default: unknown roles and unknown actions are forbidden", () => {
    for (const role of ["superuser", "", "Admin", "constructor", "__proto__", "toString"]) {
      expect(() => authorize(as(role), "posts:read"), `role ${JSON.stringify(role)}`).toThrow(
        expect.objectContaining({ code: "forbidden" }),
      );
    }
    expect(() => authorize(as("admin"), "posts:publish" as Action)).toThrow(expect.objectContaining({ code: "forbidden" }));
  });
});

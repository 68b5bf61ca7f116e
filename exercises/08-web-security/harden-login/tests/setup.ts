import { createService } from "../app";
import { createUsers } from "../users";

export const ORIGIN = "https://bank.example";
export const T0 = Date.UTC(2030, 4, 6, 9, 0, 0);
export const ALICE_PW = "tulip-lantern-orbit-42";
export const BOB_PW = "hunter2-but-longer";
const encoder = new TextEncoder();

/** The tests' own PBKDF2 and SHA-256, so stored values are checked without trusting your code. */
export async function pbkdf2(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveBits"]);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: new Uint8Array(salt), iterations }, key, 256));
}
export const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
export const unb64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
export async function pbkdf2Hash(password: string, iterations: number): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `pbkdf2-sha256$${iterations}$${b64(salt)}$${b64(await pbkdf2(password, salt, iterations))}`;
}
export async function legacyHash(password: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(password)));
  return `sha256$${Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
/** True when `stored` is a pbkdf2-sha256 value at `iterations` that `password` matches. */
export async function isPbkdf2Of(stored: string, password: string, iterations: number): Promise<boolean> {
  const [scheme, cost, salt, hash] = stored.split("$");
  if (scheme !== "pbkdf2-sha256" || Number(cost) !== iterations || unb64(salt).length !== 16) return false;
  return b64(await pbkdf2(password, unb64(salt), iterations)) === hash;
}

/**
 * Cookie and Origin are forbidden request headers: a page's `new Request()` drops them. A
 * standalone Headers object has no such guard, so requests here carry exactly what we set.
 */
export function request(method: string, path: string, opts: { form?: Record<string, string>; cookie?: string; origin?: string | null; scheme?: string } = {}): Request {
  const headers: Record<string, string> = {};
  if (opts.form) headers["Content-Type"] = "application/x-www-form-urlencoded";
  if (opts.cookie) headers.Cookie = opts.cookie;
  const origin = opts.origin === undefined ? (method === "POST" ? ORIGIN : null) : opts.origin;
  if (origin) headers.Origin = origin;
  const req = new Request(`${opts.scheme ?? "https"}://bank.example${path}`, { method, body: opts.form ? new URLSearchParams(opts.form).toString() : undefined });
  Object.defineProperty(req, "headers", { value: new Headers(headers) });
  return req;
}

/** Set-Cookie parsed: name, value and attributes (lowercase names; flags map to ""). */
export function parseSetCookie(header: string | null) {
  const [pair = "", ...attrs] = (header ?? "").split(";").map((part) => part.trim());
  const eq = pair.indexOf("=");
  const attributes: Record<string, string> = {};
  for (const attr of attrs) {
    const [name, ...value] = attr.split("=");
    if (name) attributes[name.toLowerCase()] = value.join("=");
  }
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
}

export async function setup() {
  let now = T0;
  const users = createUsers([
    { email: "alice@example.com", name: "Alice", passwordHash: await pbkdf2Hash(ALICE_PW, 1000) },
    { email: "bob@example.com", name: "Bob", passwordHash: await legacyHash(BOB_PW) },
  ]);
  const handle = createService({ origin: ORIGIN, iterations: 1000, now: () => now }, users);
  const send = (req: Request, ip = "203.0.113.7") => handle(req, { ip });
  const login = (email: string, password: string, ip?: string, cookie?: string) => send(request("POST", "/login", { form: { email, password }, cookie }), ip);
  /** Logs in and returns the Cookie header value and the session's CSRF token. */
  async function session(email = "alice@example.com", password = ALICE_PW) {
    const cookie = parseSetCookie((await login(email, password)).headers.get("Set-Cookie"));
    const jar = `${cookie.name}=${cookie.value}`;
    const account = await send(request("GET", "/account", { cookie: jar }));
    return { cookie: jar, csrf: ((await account.json()) as { csrfToken: string }).csrfToken };
  }
  return { users, send, login, session, tick: (ms: number) => { now += ms; } };
}

export const MINUTE = 60_000;
export const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

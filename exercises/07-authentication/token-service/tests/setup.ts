import { createApp } from "../app";
import { addUser, createStore, type AuthConfig } from "../store";

export const ISSUER = "https://auth.example.com";
export const AUDIENCE = "https://api.example.com";
export const SECRET = new TextEncoder().encode("a-test-only-hs256-key-of-40-bytes-long!!");
export const T0 = Date.UTC(2030, 4, 6, 9, 0, 0);
export const PASSWORD = "correct horse battery";

export async function setup() {
  let now = T0;
  const config: AuthConfig = {
    secret: SECRET, issuer: ISSUER, audience: AUDIENCE, accessTtl: 300, refreshTtl: 86_400,
    clients: [{ id: "billing-cron", secret: "s3cr:t 100%", role: "service" }],
    now: () => now, iterations: 1000,
  };
  const store = createStore();
  const admin = await addUser(store, { email: "root@example.com", password: PASSWORD, role: "admin" }, 1000);
  const app = createApp(config, store);
  const json = (method: string, path: string, body?: unknown, token?: string) =>
    app.request(path, {
      method,
      headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request("/token", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(fields).toString() });
  const get = (path: string, authorization?: string) => app.request(path, { headers: authorization ? { Authorization: authorization } : {} });
  async function login(email = "root@example.com", password = PASSWORD) {
    const res = await json("POST", "/login", { email, password });
    return (await res.json()) as { access_token: string; refresh_token: string; token_type: string; expires_in: number };
  }
  async function signUp(email: string) {
    await json("POST", "/register", { email, password: PASSWORD });
    return login(email);
  }
  const refresh = (token: string) => form({ grant_type: "refresh_token", refresh_token: token });
  return { app, store, config, admin, json, form, get, login, signUp, refresh, tick: (seconds: number) => { now += seconds * 1000; } };
}

/** RFC 7235 challenge: the scheme and its auth-params, e.g. Bearer realm="api", error="invalid_token". */
export function challenge(res: Response): { scheme: string; params: Record<string, string> } {
  const value = res.headers.get("WWW-Authenticate") ?? "";
  const [scheme = "", rest = ""] = value.split(/ (.*)/s);
  const params: Record<string, string> = {};
  for (const m of rest.matchAll(/([A-Za-z_-]+)\s*=\s*(?:"([^"]*)"|([^\s,]+))/g)) params[m[1].toLowerCase()] = m[2] ?? m[3];
  return { scheme: scheme.toLowerCase(), params };
}

export const basic = (user: string, pass: string) => `Basic ${btoa(`${user}:${pass}`)}`;
export const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

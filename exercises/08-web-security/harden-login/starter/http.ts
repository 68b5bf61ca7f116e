// Given, read-only: small helpers so the service can stay plain web-standard Request → Response.

/** What the server knows about the connection, as Deno.serve and Bun hand it to a handler. */
export interface ClientInfo {
  /** The peer's IP address (behind a proxy you would take it from the proxy's header instead). */
  ip: string;
}

export type Handler = (req: Request, info: ClientInfo) => Promise<Response>;

/**
 * A JSON response with these headers. Browsers drop Set-Cookie from a Response built in a
 * script (Fetch's forbidden response-header names), so the headers are attached in a way that
 * keeps every one: a real server (Node, Deno, Workers) sends them as they are.
 */
export function reply(status: number, body: unknown, headers: [string, string][] = []): Response {
  const res = status === 308 || status === 204 ? new Response(null, { status }) : Response.json(body, { status });
  const all = new Headers(res.headers);
  for (const [name, value] of headers) all.append(name, value);
  Object.defineProperty(res, "headers", { value: all });
  return res;
}

/** The value of one cookie from the Cookie request header, or undefined. */
export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.get("Cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The fields of an application/x-www-form-urlencoded body (empty for any other body). */
export async function readForm(req: Request): Promise<URLSearchParams> {
  const type = (req.headers.get("Content-Type") ?? "").toLowerCase();
  return type.startsWith("application/x-www-form-urlencoded") ? new URLSearchParams(await req.text()) : new URLSearchParams();
}

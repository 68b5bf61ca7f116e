import { beforeEach, describe, expect, it } from "vitest";
import { createNetwork, type Network } from "@roadlab/net";
import { createClient } from "../client";
import { ServiceError } from "../types";

let net: Network;
let seen: Request[];
beforeEach(() => {
  net = createNetwork();
  seen = [];
});

function serve(handler: (req: Request) => Response | Promise<Response>) {
  net.serve("api", (req) => {
    seen.push(req.clone());
    return handler(req);
  });
}

async function failureOf(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe("createClient", () => {
  it("sends JSON with the correlation id and idempotency key, and returns the parsed body", async () => {
    serve(async (req) => Response.json({ echo: await req.json() }, { status: 201 }));
    const client = createClient(net.fetch, { timeoutMs: 500 });
    const body = await client.call("POST", "http://api/things", { body: { a: 1 }, correlationId: "c-1", idempotencyKey: "k-1" });
    expect(body).toEqual({ echo: { a: 1 } });
    expect(seen[0].method).toBe("POST");
    expect(seen[0].headers.get("content-type")).toContain("application/json");
    expect(seen[0].headers.get("x-correlation-id")).toBe("c-1");
    expect(seen[0].headers.get("idempotency-key")).toBe("k-1");
  });

  it("turns a 4xx into a ServiceError with the remote's code and status, without retrying", async () => {
    serve(() => Response.json({ code: "OUT_OF_STOCK" }, { status: 409 }));
    const error = await failureOf(createClient(net.fetch, { timeoutMs: 500 }).call("GET", "http://api/x"));
    expect(error).toMatchObject({ code: "OUT_OF_STOCK", status: 409 });
    expect(net.requests("api")).toHaveLength(1);
  });

  it("calls a 4xx without a code in its body REMOTE_ERROR", async () => {
    serve(() => new Response("bad", { status: 400 }));
    expect(await failureOf(createClient(net.fetch, { timeoutMs: 500 }).call("GET", "http://api/x"))).toMatchObject({ code: "REMOTE_ERROR", status: 400 });
  });

  it("retries a 5xx once, then reports UNAVAILABLE", async () => {
    serve(() => new Response("boom", { status: 500 }));
    const error = await failureOf(createClient(net.fetch, { timeoutMs: 500 }).call("GET", "http://api/x"));
    expect(error).toMatchObject({ code: "UNAVAILABLE", status: 500 });
    expect(net.requests("api").map((r) => r.status)).toEqual([500, 500]);
  });

  it("succeeds when the retry does", async () => {
    let calls = 0;
    serve(() => (++calls === 1 ? new Response("busy", { status: 503 }) : Response.json({ ok: true })));
    expect(await createClient(net.fetch, { timeoutMs: 500 }).call("GET", "http://api/x")).toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it("reports a refused connection as UNAVAILABLE, after one retry", async () => {
    serve(() => Response.json({}));
    net.faults("api", { down: true });
    expect(await failureOf(createClient(net.fetch, { timeoutMs: 500 }).call("GET", "http://api/x"))).toMatchObject({ code: "UNAVAILABLE" });
    expect(net.requests("api").map((r) => r.error)).toEqual(["down", "down"]);
  });

  it("aborts an attempt after timeoutMs and reports TIMEOUT", async () => {
    serve(() => Response.json({}));
    net.faults("api", { hang: true });
    expect(await failureOf(createClient(net.fetch, { timeoutMs: 40 }).call("GET", "http://api/x"))).toMatchObject({ code: "TIMEOUT" });
    expect(net.requests("api").map((r) => r.error)).toEqual(["aborted", "aborted"]);
  });
});

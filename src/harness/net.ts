/**
 * `@roadlab/net` — several in-page services that call each other by URL.
 *
 *   const net = createNetwork();
 *   net.serve("users", app.fetch);                 // any (req: Request) => Response
 *   net.faults("users", { latencyMs: 200, errorRate: 0.5 });
 *   await gateway(net.fetch);                      // learner code gets a fetch to use
 *
 * `net.fetch("http://users/…")` hands a real Request to the handler and returns its Response. Faults
 * act as the network would: latency is a `setTimeout` (fake timers control it), an error answers
 * 503, `down` rejects as a refused connection, `hang` never answers; an AbortSignal ends the wait.
 * Error rates draw from a seeded generator, so a run is the same every time, in either runtime.
 */
export type Handler = (request: Request) => Response | Promise<Response>;

export interface Faults {
  /** Added before the handler runs (and before a failure is reported). */
  latencyMs?: number;
  /** Share of requests, 0–1, answered with `errorStatus` instead of reaching the handler. */
  errorRate?: number;
  errorStatus?: number;
  /** Connection refused: `fetch` rejects with a TypeError, as a real one does. */
  down?: boolean;
  /** Accepts the request and never answers; only the caller's AbortSignal ends it. */
  hang?: boolean;
}

export interface Exchange {
  method: string;
  url: string;
  /** The response's status; undefined when the request failed before an answer. */
  status?: number;
  /** Why no response came: "down", "aborted", "hang" (still waiting) or the handler's error. */
  error?: string;
}

export interface NetworkOptions {
  /** Seed for the error-rate draws (default 1). */
  seed?: number;
}

export interface Network {
  serve(name: string, handler: Handler): void;
  /** Stops routing to `name`: later requests fail as for a host that does not exist. */
  unserve(name: string): void;
  /** Replaces the faults for `name` (an empty object clears them). */
  faults(name: string, faults: Faults): void;
  /** A web-standard fetch that reaches only the services served here. */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Every request sent to `name`, oldest first. */
  requests(name: string): readonly Exchange[];
}

/** Mulberry32: small, fast and the same sequence everywhere. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

/** The handler's answer, unless the caller aborts first: a real fetch stops waiting for a slow server then. */
function unlessAborted<T>(answer: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** Resolves after `ms` on the global timer (so `vi.useFakeTimers()` drives it), or rejects on abort. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal));
    const onAbort = () => {
      globalThis.clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = ms === Infinity ? undefined : globalThis.setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

interface Service {
  handler?: Handler;
  faults: Faults;
  random: () => number;
  log: Exchange[];
}

/** A fresh network with no services: one per test. */
export function createNetwork(options: NetworkOptions = {}): Network {
  const services = new Map<string, Service>();
  const service = (name: string): Service => {
    const key = name.toLowerCase();
    let found = services.get(key);
    if (!found) services.set(key, (found = { faults: {}, random: generator((options.seed ?? 1) + services.size), log: [] }));
    return found;
  };

  async function send(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const target = services.get(url.hostname);
    if (!target?.handler || (url.protocol !== "http:" && url.protocol !== "https:")) {
      throw new TypeError(`fetch failed: no service named "${url.hostname}" (served: ${[...services.keys()].filter((k) => services.get(k)?.handler).join(", ") || "none"})`);
    }
    const exchange: Exchange = { method: request.method, url: request.url };
    target.log.push(exchange);
    const { latencyMs = 0, errorRate = 0, errorStatus = 503, down, hang } = target.faults;
    try {
      if (down) {
        exchange.error = "down";
        throw new TypeError(`fetch failed: connection refused by "${url.hostname}"`);
      }
      if (hang) exchange.error = "hang";
      // No timer at all without latency: under fake timers even a 0 ms timeout waits for a tick.
      if (hang || latencyMs > 0) await wait(hang ? Infinity : latencyMs, request.signal);
      else if (request.signal.aborted) throw abortError(request.signal);
      const response =
        errorRate > 0 && target.random() < errorRate
          ? new Response(`injected fault: ${url.hostname} answered ${errorStatus}`, { status: errorStatus })
          : await unlessAborted(Promise.resolve(target.handler(request)), request.signal);
      if (!(response instanceof Response)) throw new TypeError(`service "${url.hostname}" returned ${typeof response}, not a Response`);
      exchange.status = response.status;
      return response;
    } catch (error) {
      if (request.signal.aborted) exchange.error = "aborted";
      else exchange.error ??= (error as Error).message;
      throw error;
    }
  }

  return {
    serve(name, handler) {
      if (typeof handler !== "function") throw new TypeError(`serve("${name}", handler): expected a function (req: Request) => Response, got ${typeof handler}`);
      service(name).handler = handler;
    },
    unserve(name) {
      service(name).handler = undefined;
    },
    faults(name, faults) {
      const { errorRate } = faults;
      if (errorRate !== undefined && !(errorRate >= 0 && errorRate <= 1)) throw new RangeError(`faults("${name}").errorRate: expected a number from 0 to 1, got ${errorRate}`);
      service(name).faults = { ...faults };
    },
    fetch: send,
    requests: (name) => service(name).log,
  };
}

/**
 * A small consumer-driven contract kit in the style of Pact. READ-ONLY.
 *
 * The consumer (client.ts, the dashboard) writes down each request it makes and the part of the
 * response it relies on. The provider (the to-do API) is then verified against that contract by
 * replaying each request, after putting the provider in the interaction's `given` state.
 */

/** The provider states a contract can ask for; the provider knows how to set each one up. */
export const PROVIDER_STATES = {
  /** A fresh database: nobody has a task. */
  "no tasks": [] as string[],
  /** Ada has one open task, "Water the plants", with id 1. */
  "ada has an open task": ["Water the plants"],
  /** Ada has three open tasks: her quota is full. */
  "ada has three open tasks": ["Water the plants", "Call the bank", "Book the dentist"],
} as const;
export type ProviderState = keyof typeof PROVIDER_STATES;

/** Matches any value of the example's type (numbers, strings, booleans); objects and arrays recursively. */
export interface Like {
  readonly kind: "like";
  readonly example: unknown;
}
/** Matches an array of one or more elements, each matching `example`. */
export interface EachLike {
  readonly kind: "eachLike";
  readonly example: unknown;
}
export const like = (example: unknown): Like => ({ kind: "like", example });
export const eachLike = (example: unknown): EachLike => ({ kind: "eachLike", example });

export interface Interaction {
  description: string;
  given: ProviderState;
  request: { method: "GET" | "POST"; path: string; token?: string; body?: unknown };
  /** The status must be equal; in the body, plain values must be equal, like()/eachLike() match by type. */
  response: { status: number; body?: unknown };
}

export interface Contract {
  consumer: string;
  provider: string;
  interactions: Interaction[];
}

export class ContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ContractError";
  }
}

const isMatcher = (x: unknown): x is Like | EachLike =>
  typeof x === "object" && x !== null && "example" in x && ["like", "eachLike"].includes((x as { kind?: string }).kind ?? "");

/**
 * Why `actual` does not satisfy `expected`, or undefined when it does. Objects may carry keys the
 * contract does not name (a provider may add fields: the consumer ignores them).
 */
export function mismatch(expected: unknown, actual: unknown, at = "body", byType = false): string | undefined {
  if (isMatcher(expected)) {
    if (expected.kind === "like") return mismatch(expected.example, actual, at, true);
    if (!Array.isArray(actual) || actual.length === 0) return `${at}: expected a non-empty array, got ${JSON.stringify(actual)}`;
    for (let i = 0; i < actual.length; i++) {
      const problem = mismatch(expected.example, actual[i], `${at}[${i}]`, true);
      if (problem) return problem;
    }
    return undefined;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return `${at}: expected an array of ${expected.length}, got ${JSON.stringify(actual)}`;
    for (let i = 0; i < expected.length; i++) {
      const problem = mismatch(expected[i], actual[i], `${at}[${i}]`, byType);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null || Array.isArray(actual)) return `${at}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      if (!Object.hasOwn(actual, key)) return `${at}.${key}: missing`;
      const problem = mismatch(value, (actual as Record<string, unknown>)[key], `${at}.${key}`, byType);
      if (problem) return problem;
    }
    return undefined;
  }
  if (byType) return typeof actual === typeof expected && actual !== null ? undefined : `${at}: expected a ${typeof expected}, got ${JSON.stringify(actual)}`;
  return Object.is(actual, expected) ? undefined : `${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/** The concrete example a matcher tree stands for: what a mock provider serves the consumer. */
export function exampleOf(expected: unknown): unknown {
  if (isMatcher(expected)) return expected.kind === "like" ? exampleOf(expected.example) : [exampleOf(expected.example)];
  if (Array.isArray(expected)) return expected.map(exampleOf);
  if (typeof expected === "object" && expected !== null) return Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, exampleOf(v)]));
  return expected;
}

export type Http = (path: string, init?: RequestInit) => Promise<Response>;

/** The request an interaction describes, as fetch options. */
export function requestInit(request: Interaction["request"]): RequestInit {
  const headers: Record<string, string> = {};
  if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;
  if (request.body !== undefined) headers["content-type"] = "application/json";
  return { method: request.method, headers, body: request.body === undefined ? undefined : JSON.stringify(request.body) };
}

/**
 * Provider verification: for each interaction, a fresh provider in the `given` state, the request
 * replayed, the response checked. Throws ContractError naming the first interaction that fails.
 */
export async function verifyProvider(contract: Contract, providerIn: (state: ProviderState) => Promise<Http>): Promise<void> {
  if (!contract || !Array.isArray(contract.interactions) || contract.interactions.length === 0) throw new ContractError("the contract has no interactions");
  for (const interaction of contract.interactions) {
    if (!Object.hasOwn(PROVIDER_STATES, interaction.given)) throw new ContractError(`"${interaction.description}": unknown provider state "${interaction.given}"`);
    const http = await providerIn(interaction.given);
    const res = await http(interaction.request.path, requestInit(interaction.request));
    if (res.status !== interaction.response.status) throw new ContractError(`"${interaction.description}": expected status ${interaction.response.status}, got ${res.status}`);
    if (interaction.response.body === undefined) continue;
    const body: unknown = await res.json().catch(() => undefined);
    const problem = mismatch(interaction.response.body, body);
    if (problem) throw new ContractError(`"${interaction.description}": ${problem}`);
  }
}

import { describe, it } from "vitest";
import { addTask, fetchOpenTasks } from "../client";
import { exampleOf, verifyProvider, type Http, type Interaction } from "../contract";
import * as suite from "../suite";
import { planted, reference, type Layer, type Parts, type Planted } from "./planted";
import { describeError, newTally, notCounted, provider, runCase } from "./run";

const MIN_PER_LAYER = 3;
const CASE_LAYERS = ["unit", "integration", "functional"] as const;
type CaseLayer = (typeof CASE_LAYERS)[number];
type AnyCase = (...args: never[]) => unknown;

function casesOf(layer: CaseLayer): { entries: [string, AnyCase][]; problems: string[] } {
  const exported: unknown = (suite as Record<string, unknown>)[layer];
  if (typeof exported !== "object" || exported === null) return { entries: [], problems: [`suite.ts must export \`${layer}\`, an object of named cases`] };
  const entries: [string, AnyCase][] = [];
  const problems: string[] = [];
  for (const [name, value] of Object.entries(exported)) {
    if (typeof value === "function") entries.push([name, value as AnyCase]);
    else problems.push(`${layer} case "${name}" is a ${typeof value}, not a function`);
  }
  return { entries, problems };
}

interface Verdicts {
  valid: [string, AnyCase][];
  failures: string[];
  empty: string[];
}
const reference$: Partial<Record<CaseLayer, Promise<Verdicts>>> = {};
function againstReference(layer: CaseLayer): Promise<Verdicts> {
  return (reference$[layer] ??= (async () => {
    const out: Verdicts = { valid: [], failures: [], empty: [] };
    for (const [name, fn] of casesOf(layer).entries) {
      const run = await runCase(layer, fn, reference);
      const reason = notCounted(run);
      if (reason === undefined) out.valid.push([name, fn]);
      else if (run.failure === undefined && run.direct === 0) out.empty.push(name);
      else out.failures.push(`${layer} "${name}": ${reason}`);
    }
    return out;
  })());
}

const partsFor = (bug: Planted): Parts => ({ ...reference, ...bug.parts });

/** The case fails on the bug AND passes on the correct code around it (a case that passes only once catches nothing). */
async function catches(layer: CaseLayer, fn: AnyCase, bug: Planted): Promise<boolean> {
  if (Math.random() < 0.5 && notCounted(await runCase(layer, fn, reference)) !== undefined) return false;
  const run = await runCase(layer, fn, partsFor(bug));
  if (run.failure === undefined || run.direct > 0) return false;
  return notCounted(await runCase(layer, fn, reference)) === undefined;
}

async function verifyAgainst(parts: Parts): Promise<string | undefined> {
  const tally = newTally();
  try {
    await verifyProvider(suite.contract, (state) => provider(parts, tally, state));
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}

/** A mock provider from the contract: each request answered with the example of a matching interaction. */
function mockFrom(interaction: Interaction): Http {
  return async (path, init) => {
    const method = init?.method ?? "GET";
    if (method !== interaction.request.method || path !== interaction.request.path) return new Response("no interaction for this request", { status: 500 });
    const body = interaction.response.body === undefined ? null : JSON.stringify(exampleOf(interaction.response.body));
    return new Response(body, { status: interaction.response.status, headers: { "content-type": "application/json" } });
  };
}

describe("your suite", () => {
  it(`has at least ${MIN_PER_LAYER} asserting cases in each of unit, integration and functional`, async () => {
    const short: string[] = [];
    for (const layer of CASE_LAYERS) {
      const { entries, problems } = casesOf(layer);
      if (problems.length > 0) throw new Error(`suite.ts: ${problems.join("; ")}`);
      const { empty } = await againstReference(layer);
      const asserting = entries.length - empty.length;
      if (asserting < MIN_PER_LAYER) short.push(`${layer} has ${asserting}${empty.length ? ` (${empty.map((n) => `"${n}"`).join(", ")} assert nothing)` : ""}`);
    }
    if (short.length > 0) throw new Error(`Write at least ${MIN_PER_LAYER} cases that call expect(…) in each layer: ${short.join("; ")}.`);
  });

  it("every case passes against the correct code", async () => {
    const failures: string[] = [];
    // One layer after the other: integration and functional runs share the one database.
    for (const layer of CASE_LAYERS) failures.push(...(await againstReference(layer)).failures);
    if (failures.length > 0) {
      throw new Error(`${failures.length} case(s) do not count: a test that fails on correct code is a wrong test — fix the expectation (read the doc comments):\n${failures.map((f) => `  - ${f}`).join("\n")}`);
    }
  });

  it("the contract verifies against the correct provider and covers every request the consumer makes", async () => {
    const problem = await verifyAgainst(reference);
    if (problem !== undefined) throw new Error(`Provider verification failed against the correct API, so the contract asks for something it never does: ${problem}`);
    const calls: { method: "GET" | "POST"; use: (http: Http) => Promise<unknown> }[] = [
      { method: "GET", use: (http) => fetchOpenTasks(http, "tok-ada") },
      { method: "POST", use: (http) => addTask(http, "tok-ada", "Water the plants") },
    ];
    const interactions = Array.isArray(suite.contract?.interactions) ? suite.contract.interactions : [];
    for (const call of calls) {
      const ok = interactions.filter((i) => i.request?.method === call.method && i.request.path === "/tasks" && i.response?.status < 300);
      if (ok.length === 0) throw new Error(`The dashboard sends ${call.method} /tasks, and the contract has no successful interaction for it: a consumer-driven contract lists every request the consumer makes.`);
      for (const interaction of ok) {
        try {
          await call.use(mockFrom(interaction));
        } catch (error) {
          throw new Error(`client.ts cannot read the example of "${interaction.description}" (${describeError(error)}): the mock provider serves the contract's examples, and the consumer must work against them.`);
        }
      }
    }
  });
});

describe("every planted bug is caught in its own layer", () => {
  const hiddenCount: Partial<Record<Layer, number>> = {};
  for (const bug of planted) {
    const n = bug.hidden ? (hiddenCount[bug.layer] = (hiddenCount[bug.layer] ?? 0) + 1) : 0;
    const title = bug.hidden ? `${bug.layer}: catches hidden bug ${n}` : `${bug.layer}: catches the bug that ${bug.title}`;
    it(title, async () => {
      const what = bug.hidden
        ? `A hidden bug in ${bug.area} survived: it is not named on purpose, as in real life. Test every rule of it in the README, on both sides of each boundary`
        : `A bug that ${bug.bug} survived: ${bug.advice}`;
      if (bug.layer === "contract") {
        if ((await verifyAgainst(reference)) !== undefined) throw new Error("The contract does not verify against the correct API yet, so it cannot catch anything: fix it first.");
        if ((await verifyAgainst(partsFor(bug))) === undefined) throw new Error(`${what}.`);
        return;
      }
      const { valid } = await againstReference(bug.layer);
      if (valid.length === 0) throw new Error(`No ${bug.layer} case passes against the correct code yet, so none can catch a bug. Write ${bug.layer} cases in suite.ts.`);
      for (const [, fn] of valid) if (await catches(bug.layer, fn, bug)) return;
      throw new Error(`${what}. Only ${bug.layer} cases count for it: a bug is cheapest to catch in the layer it lives in.`);
    });
  }
});

/**
 * Snapshot matchers on @vitest/snapshot, ported from Vitest 4's SnapshotPlugin
 * (vitest/dist/chunks/test.*.js), with Vitest's serialisation. Snapshots are checked as under
 * `CI=true` (updateSnapshot "none"): a missing or different one fails, and nothing is written.
 * `.snap` files come with the hidden tests (`tests/__snapshots__/<file>.snap`).
 */
import { chai, createAssertionMessage, equals, iterableEquality, recordAsyncExpect, subsetEquality, wrapAssertion } from "@vitest/expect";
import type { Test } from "@vitest/runner";
import { getNames } from "@vitest/runner/utils";
import { getSerializers, SnapshotClient, stripSnapshotIndentation, type SnapshotSerializer, type SnapshotStateOptions } from "@vitest/snapshot";
import type { SnapshotEnvironment } from "@vitest/snapshot/environment";
import { currentTestPath } from "./expect";

type Files = Record<string, string>;
let files: Files = {};

/** The run's test files, `.snap` files among them, keyed as in the exercise (`tests/…`). */
export function setSnapshotFiles(next: Files): void {
  files = next;
}

const fromSpec = (path: string) => path.replace(/^\//, "");
const dirname = (path: string) => path.replace(/\/[^/]*$/, "") || "/";

/** Reads `.snap` files from the run's files, writes nothing: a hidden test's snapshots are fixed. */
const environment: SnapshotEnvironment = {
  getVersion: () => "1",
  getHeader: () => "// Snapshot v1",
  resolvePath: async (filepath) => `${dirname(filepath)}/__snapshots__/${filepath.split("/").pop()}.snap`,
  resolveRawPath: async (testPath, rawPath) => (rawPath.startsWith("/") ? rawPath : `${dirname(testPath)}/${rawPath}`).replace(/\/\.\//g, "/"),
  saveSnapshotFile: async () => {},
  readSnapshotFile: async (filepath) => files[fromSpec(normalise(filepath))] ?? null,
  removeSnapshotFile: async () => {},
};

function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") out.pop();
    else if (part !== ".") out.push(part);
  }
  return out.join("/");
}

export const snapshotOptions: SnapshotStateOptions = {
  updateSnapshot: "none",
  expand: false,
  snapshotFormat: {},
  snapshotEnvironment: environment,
};

export const snapshotClient = new SnapshotClient({
  isEqual: (received, expected) => equals(received, expected, [iterableEquality, subsetEquality]),
});

/** What SnapshotState keeps of a `.snap` file and its format (private fields of @vitest/snapshot 4.1). */
interface SnapshotStateData {
  _snapshotData: Record<string, string>;
  _initialData: Record<string, string>;
  _uncheckedKeys: Set<string>;
  _snapshotFormat: { plugins?: SnapshotSerializer[] };
}

/**
 * expect.addSnapshotSerializer's serializers, per test file: @vitest/snapshot keeps them in one
 * module-wide list, which a long-lived worker would carry into other files and runs, so each
 * file's SnapshotState gets its own list as its format's plugins instead.
 */
const serializers = new Map<string, SnapshotSerializer[]>();

function serializersOf(file: string): SnapshotSerializer[] {
  let list = serializers.get(file);
  if (!list) serializers.set(file, (list = [...getSerializers()]));
  return list;
}

export function addSnapshotSerializer(plugin: SnapshotSerializer): void {
  serializersOf(toSpecPath(currentTestPath() ?? "")).unshift(plugin);
}

export function resetSnapshotSerializers(): void {
  serializers.clear();
}

const toSpecPath = (file: string) => `/${file}`;

/**
 * SnapshotClient.setup for a test file. @vitest/snapshot reads a `.snap` file by running it with
 * `new Function`, which the page's CSP refuses (and the failure is swallowed): parse it here instead.
 */
export async function setupSnapshots(filepath: string): Promise<void> {
  await snapshotClient.setup(filepath, snapshotOptions);
  const state = snapshotClient.getSnapshotState(filepath) as unknown as SnapshotStateData;
  state._snapshotFormat.plugins = serializersOf(filepath);
  const content = await environment.readSnapshotFile(await environment.resolvePath(filepath));
  if (content === null) return;
  const data = parseSnapshotFile(content);
  Object.assign(state._snapshotData, data);
  state._initialData = { ...state._snapshotData };
  state._uncheckedKeys = new Set(Object.keys(state._snapshotData));
}

const ENTRY = /exports\[`((?:\\[\s\S]|[^`\\])*)`\]\s*=\s*`((?:\\[\s\S]|[^`\\])*)`;/g;

/** The entries of a `.snap` file, which Vitest writes as template literals escaping only \\, ` and ${. */
export function parseSnapshotFile(content: string): Record<string, string> {
  const unescape = (text: string) => text.replace(/\\([\s\S])/g, "$1");
  const data: Record<string, string> = {};
  for (const [, key, value] of content.matchAll(ENTRY)) data[unescape(key)] = unescape(value);
  return data;
}

type Assertion = Chai.Assertion;
const flag = chai.util.flag as (assertion: object, key: string, value?: unknown) => unknown;

function getTest(assertion: object): Test {
  const test = flag(assertion, "vitest-test") as Test | undefined;
  if (!test) throw new Error(`'${String(flag(assertion, "_name"))}' cannot be used without test context`);
  return test;
}

function testNames(test: Test) {
  return { filepath: test.file.filepath, name: getNames(test).slice(1).join(" > "), testId: test.id };
}

function validate(assertion: object) {
  if (flag(assertion, "negate")) throw new Error(`${String(flag(assertion, "_name"))} cannot be used with "not"`);
}

/**
 * Where an inline snapshot is, for @vitest/snapshot's same-location check: the first frame in the
 * exercise's files (Vitest finds it by offset from a named frame, which a minifier would rename).
 */
function inlineSnapshotError(): Error {
  const error = new Error("snapshot");
  const frame = /sandbox:\/\/\/[^\s():]+:\d+:\d+/.exec(error.stack ?? "")?.[0] ?? "internal:0:0";
  error.stack = `Error: snapshot\n    at __INLINE_SNAPSHOT_OFFSET_1__ (internal:1:1)\n    at test (${frame})`;
  return error;
}

interface MatchOptions {
  assertion: object;
  received: unknown;
  properties?: object;
  hint?: string;
  isInline?: boolean;
  inlineSnapshot?: string;
}

function match(options: MatchOptions) {
  const { assertion } = options;
  validate(assertion);
  return snapshotClient.match({
    received: options.received,
    properties: options.properties,
    message: options.hint,
    isInline: options.isInline,
    inlineSnapshot: options.inlineSnapshot,
    assertionName: String(flag(assertion, "_name")),
    error: options.isInline ? inlineSnapshotError() : undefined,
    ...testNames(getTest(assertion)),
  });
}

function assertMatchResult(result: { pass: boolean; message: () => string; actual?: unknown; expected?: unknown }, customMessage?: unknown) {
  if (result.pass) return;
  const message = (customMessage ? `${String(customMessage)}: ` : "") + result.message();
  throw Object.assign(new Error(message), { actual: result.actual, expected: result.expected, diffOptions: { expand: false } });
}

function normalizeArguments(propertiesOrHint?: object | string, hint?: string) {
  return typeof propertiesOrHint === "string" ? { hint: propertiesOrHint } : { properties: propertiesOrHint, hint };
}

function normalizeInlineArguments(propertiesOrInline?: object | string, inlineOrHint?: string, hint?: string) {
  if (typeof propertiesOrInline === "string") return { inlineSnapshot: stripSnapshotIndentation(propertiesOrInline), hint: inlineOrHint };
  return { properties: propertiesOrInline, inlineSnapshot: inlineOrHint ? stripSnapshotIndentation(inlineOrHint) : undefined, hint };
}

function thrown(received: unknown, promise: unknown): unknown {
  if (typeof received !== "function") {
    if (!promise) throw new Error(`expected must be a function, received ${typeof received}`);
    return received;
  }
  try {
    received();
  } catch (error) {
    return error;
  }
  throw new Error("snapshot function didn't throw");
}

export function installSnapshotMatchers(): void {
  const { Assertion } = chai;
  const utils = chai.util;
  const add = (name: string, fn: (this: Assertion, ...args: never[]) => unknown) =>
    utils.addMethod(Assertion.prototype, name, wrapAssertion(utils, name, fn as never));
  for (const name of ["matchSnapshot", "toMatchSnapshot"]) {
    add(name, function (this: Assertion, propertiesOrHint?: object | string, hint?: string) {
      assertMatchResult(match({ assertion: this, received: flag(this, "object"), ...normalizeArguments(propertiesOrHint, hint) }), flag(this, "message"));
    });
  }
  add("toMatchInlineSnapshot", function (this: Assertion, propertiesOrInline?: object | string, inlineOrHint?: string, hint?: string) {
    const args = normalizeInlineArguments(propertiesOrInline, inlineOrHint, hint);
    assertMatchResult(match({ assertion: this, received: flag(this, "object"), isInline: true, ...args }), flag(this, "message"));
  });
  add("toThrowErrorMatchingSnapshot", function (this: Assertion, propertiesOrHint?: object | string, hint?: string) {
    validate(this);
    const received = thrown(flag(this, "object"), flag(this, "promise"));
    assertMatchResult(match({ assertion: this, received, ...normalizeArguments(propertiesOrHint, hint) }), flag(this, "message"));
  });
  add("toThrowErrorMatchingInlineSnapshot", function (this: Assertion, inlineOrHint?: string, hint?: string) {
    validate(this);
    const received = thrown(flag(this, "object"), flag(this, "promise"));
    const args = normalizeInlineArguments(undefined, inlineOrHint, hint);
    assertMatchResult(match({ assertion: this, received, isInline: true, ...args }), flag(this, "message"));
  });
  utils.addMethod(Assertion.prototype, "toMatchFileSnapshot", function (this: Assertion, filepath: string, hint?: string) {
    flag(this, "_name", "toMatchFileSnapshot");
    validate(this);
    const test = getTest(this);
    const names = testNames(test);
    const promise = (async () => {
      const file = await environment.resolveRawPath(names.filepath, filepath);
      const content = await environment.readSnapshotFile(file);
      const result = snapshotClient.match({ received: flag(this, "object"), message: hint, rawSnapshot: { file, content: content ?? undefined }, ...names });
      assertMatchResult(result, flag(this, "message"));
    })();
    return recordAsyncExpect(test, promise, createAssertionMessage(utils, this, true), new Error("resolves"), flag(this, "soft") as boolean);
  });
  utils.addMethod(chai.expect, "addSnapshotSerializer", addSnapshotSerializer);
}

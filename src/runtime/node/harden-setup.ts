/**
 * Vitest setup file for the Node runtime, after vitest-setup.ts: hardens the intrinsics and the
 * hidden tests' `expect` before the test file (and the learner files it imports) load, as the
 * in-page runtime does (src/runtime/local/hardening/), but not the prototypes' methods (their
 * accessors slow loop-heavy tests past their limits on a loaded machine). Cheap protection only: `--runtime node` runs
 * learner code with Node's full powers (files, processes), so it is for trusted code.
 * Tampering is appended to a file the CLI reads (see vitest-child.ts), as it happens: a file that
 * fails to load never reaches its afterAll.
 */
import { appendFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, chai, expect, inject } from "vitest";
import { addEqualityTesters, checkEqualityTesters, guardExpect, guardNewMatchers } from "../local/hardening/expect-guard";
import { hardenIntrinsics } from "../local/hardening/intrinsics";
import { setCodeOrigins, setTamperingSink } from "../local/hardening/tampering";
import { tamperingFile } from "./protocol";

const workspace = path.dirname(inject("roadlabProgress"));
const JEST_MATCHERS_OBJECT = Symbol.for("$$jest-matchers-object");
const registry = (globalThis as Record<symbol, { matchers: object; customEqualityTesters: unknown[] }>)[JEST_MATCHERS_OBJECT];

setCodeOrigins({
  exerciseFile(url) {
    const file = url.startsWith("file://") ? decodeURIComponent(new URL(url).pathname) : url;
    if (!file.startsWith(workspace + path.sep)) return undefined;
    const relative = path.relative(workspace, file).split(path.sep).join("/");
    return relative.startsWith("node_modules/") || relative.startsWith(".vite/") ? undefined : relative;
  },
  isHiddenTest: (file) => file.startsWith("tests/"),
});
setTamperingSink((record) => appendFileSync(tamperingFile(workspace), `${JSON.stringify(record)}\n`));

const addTesters = expect.addEqualityTesters.bind(expect);
expect.addEqualityTesters = (testers) => addEqualityTesters(() => addTesters(testers));
hardenIntrinsics({ prototypes: false });
guardExpect({
  assertionPrototype: chai.Assertion.prototype,
  matchers: registry.matchers,
  chaiConfig: chai.config,
  chaiExpect: chai.expect,
  globalExpect: expect,
  customEqualityTesters: registry.customEqualityTesters,
});

beforeEach(() => guardNewMatchers());
afterEach(() => checkEqualityTesters());

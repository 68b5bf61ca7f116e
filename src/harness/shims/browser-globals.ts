/**
 * Globals some Node-first packages expect, set before they load (import this module first: ESM
 * evaluates imports in order). In Node everything here already exists and nothing changes.
 */
import { Buffer } from "buffer";

const scope = globalThis as Record<string, unknown>;
scope.Buffer ??= Buffer;
// ioredis-mock's bundled dependencies tell "browser" from "Node" by `window`, which a worker lacks.
if (scope.window === undefined && scope.self !== undefined) scope.window = scope.self;

export {};

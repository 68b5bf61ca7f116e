import { Buffer } from "buffer/"; // the npm package, not Node's builtin

// isomorphic-git, dockerfile-ast and @zenfs/core use Node's global Buffer; Node has it, a worker does not.
(globalThis as { Buffer?: unknown }).Buffer ??= Buffer;

#!/usr/bin/env node
// The CLI is TypeScript shared with the app; tsx compiles it on the fly so there is no build step.
import { register } from "tsx/esm/api";

register();
// `roadlab catalog | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));

import { distDir, ensureAppBuilt } from "../src/cli/browser/app-build";
import { serveStatic } from "../src/cli/browser/static-server";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
await ensureAppBuilt();
const server = await serveStatic(distDir);
const r = await promisify(execFile)("npx", ["tsx", "scratch-ub/devcheck2.mts", server.url], { encoding: "utf8" }).catch((e) => e);
console.log(r.stdout.split("\n").filter((l) => /CSPV|pageerror|error|not registered|worker:/.test(l)).join("\n"), r.stderr.slice(-500));
await server.close();

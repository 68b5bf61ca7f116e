import { parseArgs } from "node:util";
import { catalog } from "./catalog";
import { check } from "./check";
import { run } from "./run";
import { UsageError, type CliOptions } from "./options";
import { usage } from "./usage";
import { suggestion } from "../exercises/did-you-mean";

/**
 * Commands with flags of their own parse `argv` themselves (node:util parseArgs); each is one line
 * here, loaded only when asked for so `check` and `run` start no slower.
 */
type Command = (argv: string[]) => Promise<number>;
const ownCommands: Record<string, () => Promise<Command>> = {
  build: async () => (await import("./build")).build,
  scorm: async () => (await import("./scorm")).scorm,
  grade: async () => (await import("./grade/grade")).grade,
  interview: async () => (await import("./interview")).interview,
};

const commands = ["check", "run", "catalog", ...Object.keys(ownCommands)];

/** Entry point of `roadlab`; returns the exit code (0 pass, 1 fail/error, 2 bad usage or input). */
export async function main(argv: string[]): Promise<number> {
  try {
    const own = ownCommands[argv[0]];
    if (own) return await (await own())(argv.slice(1));
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        runtime: { type: "string", default: "node" },
        json: { type: "boolean", default: false },
        timeout: { type: "string" },
        files: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || command === "help" || command === undefined) {
      process.stdout.write(usage);
      return command === undefined && !values.help ? 2 : 0;
    }
    const options = toOptions(values);
    if (command === "check") return await check(rest, options);
    if (command === "run") return await run(rest, options);
    if (command === "catalog") return await catalog(rest, options);
    throw new UsageError(`unknown command "${command}"${suggestion(command, commands)} — commands: ${commands.join(", ")}`);
  } catch (error) {
    const message = (error as Error).message;
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`roadlab: ${message}\nRun "roadlab --help" for usage.\n`);
      return 2;
    }
    throw error;
  }
}

function toOptions(values: { runtime?: string; json?: boolean; timeout?: string; files?: string }): CliOptions {
  if (values.runtime !== "node" && values.runtime !== "browser") {
    throw new UsageError(`--runtime must be "node" or "browser", got "${values.runtime}"`);
  }
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    timeoutMs = Number(values.timeout);
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1) {
      throw new UsageError(`--timeout must be a whole number of milliseconds, got "${values.timeout}"`);
    }
  }
  return { runtime: values.runtime, json: values.json ?? false, timeoutMs, files: values.files };
}

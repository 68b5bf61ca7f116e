import { Bash } from "just-bash";
import { perMinute } from "../scripts/per-minute";
import { rotate } from "../scripts/rotate";
import { topErrors } from "../scripts/top-errors";

/** One nginx "combined" log line. */
export const line = (ip: string, time: string, method: string, path: string, status: number) =>
  `${ip} - - [01/Dec/2026:${time} +0000] "${method} ${path} HTTP/1.1" ${status} 512 "-" "curl/8.5"`;

export const access = [
  line("10.0.0.1", "10:00:01", "GET", "/api/orders", 500),
  line("10.0.0.2", "10:00:09", "GET", "/api/orders?page=2", 502),
  line("10.0.0.3", "10:00:30", "POST", "/api/pay", 503),
  line("10.0.0.1", "10:01:02", "GET", "/health", 200),
  line("10.0.0.4", "10:01:40", "GET", "/api/orders", 500),
  line("10.0.0.5", "10:03:00", "GET", "/api/pay", 404),
  line("10.0.0.6", "10:03:10", "GET", "/api/users", 504),
  line("10.0.0.7", "10:03:59", "POST", "/api/pay?retry=1", 503),
  line("10.0.0.8", "10:04:00", "GET", "/api/users", 404),
].join("\n") + "\n";

/** A machine with the learner's scripts in /opt/scripts and the given files; runs one command line. */
export async function run(command: string, files: Record<string, string> = {}) {
  const bash = new Bash({
    files: {
      "/opt/scripts/top-errors.sh": topErrors,
      "/opt/scripts/per-minute.sh": perMinute,
      "/opt/scripts/rotate.sh": rotate,
      ...files,
    },
    cwd: "/var/log",
  });
  const result = await bash.exec(command);
  return { ...result, bash };
}

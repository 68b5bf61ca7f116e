import { describe, expect, it } from "vitest";
import { topErrors } from "../scripts/top-errors";
import { access, line, run } from "./shell";

const log = { "/var/log/nginx/access.log": access };

describe("top-errors.sh", () => {
  it("prints COUNT PATH for 5xx responses only, most first, query strings folded into the path", async () => {
    const r = await run("bash /opt/scripts/top-errors.sh /var/log/nginx/access.log", log);
    expect(r.stdout).toBe("3 /api/orders\n2 /api/pay\n1 /api/users\n");
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
  });

  it("stops after -n COUNT lines (default 5)", async () => {
    expect((await run("bash /opt/scripts/top-errors.sh -n 2 nginx/access.log", log)).stdout).toBe("3 /api/orders\n2 /api/pay\n");
    const many = Array.from({ length: 7 }, (_, i) => Array.from({ length: 10 - i }, () => line("10.0.0.9", "11:00:00", "GET", `/p${i}`, 500)))
      .flat().join("\n") + "\n";
    const r = await run("bash /opt/scripts/top-errors.sh /var/log/many.log", { "/var/log/many.log": many });
    expect(r.stdout).toBe("10 /p0\n9 /p1\n8 /p2\n7 /p3\n6 /p4\n");
  });

  it("reads a log whose path has spaces in it", async () => {
    const r = await run(`bash /opt/scripts/top-errors.sh -n 1 "/var/log/my app/access.log"`, { "/var/log/my app/access.log": access });
    expect(r.stdout).toBe("3 /api/orders\n");
    expect(r.exitCode).toBe(0);
  });

  it("prints nothing and succeeds on an empty log or one without errors", async () => {
    const empty = await run("bash /opt/scripts/top-errors.sh /var/log/empty.log", { "/var/log/empty.log": "" });
    expect([empty.stdout, empty.stderr, empty.exitCode]).toEqual(["", "", 0]);
    const ok = await run("bash /opt/scripts/top-errors.sh ok.log", { "/var/log/ok.log": line("10.0.0.1", "10:00:00", "GET", "/", 200) + "\n" });
    expect([ok.stdout, ok.exitCode]).toEqual(["", 0]);
  });

  it("a missing log: exit 1, nothing on stdout, a message naming the file on stderr", async () => {
    const r = await run("bash /opt/scripts/top-errors.sh /var/log/gone.log");
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("/var/log/gone.log");
  });

  it("bad arguments: exit 2 and a usage line on stderr", async () => {
    for (const args of ["", "a.log b.log", "-n abc nginx/access.log", "-n 0 nginx/access.log", "-x nginx/access.log"]) {
      const r = await run(`bash /opt/scripts/top-errors.sh ${args}`, log);
      expect(r.exitCode, args || "(no arguments)").toBe(2);
      expect(r.stdout, args).toBe("");
      expect(r.stderr, args).toMatch(/^usage: /);
    }
  });

  it("starts with a shebang and set -euo pipefail", () => {
    // Comments and blank lines aside; the shebang itself starts with "#!".
    const lines = topErrors.split("\n").filter((l) => l.trim() !== "" && !/^\s*#(?!!)/.test(l));
    expect(lines[0]).toBe("#!/usr/bin/env bash");
    expect(lines[1].trim()).toBe("set -euo pipefail");
  });
});

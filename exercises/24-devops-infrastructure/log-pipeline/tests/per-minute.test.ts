import { describe, expect, it } from "vitest";
import { access, run } from "./shell";

describe("per-minute.sh", () => {
  it("prints HH:MM COUNT for every minute that had requests, in time order", async () => {
    const r = await run("bash /opt/scripts/per-minute.sh nginx/access.log", { "/var/log/nginx/access.log": access });
    expect(r.stdout).toBe("10:00 3\n10:01 2\n10:03 3\n10:04 1\n");
    expect(r.exitCode).toBe(0);
  });

  it("empty log: nothing, exit 0; missing log: exit 1 and a message; wrong argument count: exit 2 and usage", async () => {
    const empty = await run("bash /opt/scripts/per-minute.sh empty.log", { "/var/log/empty.log": "" });
    expect([empty.stdout, empty.exitCode]).toEqual(["", 0]);
    const gone = await run("bash /opt/scripts/per-minute.sh gone.log");
    expect([gone.stdout, gone.exitCode]).toEqual(["", 1]);
    expect(gone.stderr).toContain("gone.log");
    // Without exactly one argument: exit 2 and a usage line on stderr.
    for (const args of ["", "a.log b.log"]) {
      const r = await run(`bash /opt/scripts/per-minute.sh ${args}`);
      expect(r.exitCode, args || "(no arguments)").toBe(2);
      expect(r.stderr).toMatch(/^usage: /);
    }
  });
});

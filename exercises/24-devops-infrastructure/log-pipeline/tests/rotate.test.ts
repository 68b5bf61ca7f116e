import { describe, expect, it } from "vitest";
import { run } from "./shell";

const ls = async (bash: Awaited<ReturnType<typeof run>>["bash"], dir: string) => (await bash.exec(`ls -1 "${dir}"`)).stdout.split("\n").filter(Boolean);
const cat = async (bash: Awaited<ReturnType<typeof run>>["bash"], file: string) => (await bash.exec(`cat "${file}"`)).stdout;

describe("rotate.sh", () => {
  it("moves each copy one place older, the live log to .1, and leaves an empty live log", async () => {
    const r = await run("bash /opt/scripts/rotate.sh /var/log/app/app.log", { "/var/log/app/app.log": "now\n", "/var/log/app/app.log.1": "before\n" });
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(["", "", 0]);
    expect(await ls(r.bash, "/var/log/app")).toEqual(["app.log", "app.log.1", "app.log.2"]);
    expect(await cat(r.bash, "/var/log/app/app.log")).toBe("");
    expect(await cat(r.bash, "/var/log/app/app.log.1")).toBe("now\n");
    expect(await cat(r.bash, "/var/log/app/app.log.2")).toBe("before\n");
  });

  it("keeps at most -k KEEP copies (default 3): older numbers are deleted", async () => {
    const files = { "/var/log/app/app.log": "0\n", "/var/log/app/app.log.1": "1\n", "/var/log/app/app.log.2": "2\n", "/var/log/app/app.log.3": "3\n", "/var/log/app/app.log.7": "7\n" };
    const byDefault = await run("bash /opt/scripts/rotate.sh app/app.log", files);
    expect(await ls(byDefault.bash, "/var/log/app")).toEqual(["app.log", "app.log.1", "app.log.2", "app.log.3"]);
    expect(await cat(byDefault.bash, "/var/log/app/app.log.3")).toBe("2\n");
    const one = await run("bash /opt/scripts/rotate.sh -k 1 app/app.log", files);
    expect(await ls(one.bash, "/var/log/app")).toEqual(["app.log", "app.log.1"]);
    expect(await cat(one.bash, "/var/log/app/app.log.1")).toBe("0\n");
  });

  it("rotates a log in a directory with spaces, and leaves other files alone", async () => {
    const r = await run(`bash /opt/scripts/rotate.sh -k 2 "/srv/my app/web.log"`, { "/srv/my app/web.log": "w\n", "/srv/my app/web.log.2": "old\n", "/srv/my app/notes.txt": "keep me\n" });
    expect(r.exitCode).toBe(0);
    expect(await ls(r.bash, "/srv/my app")).toEqual(["notes.txt", "web.log", "web.log.1"]);
  });

  it("a missing log: exit 1, message on stderr, nothing created", async () => {
    const r = await run("bash /opt/scripts/rotate.sh /var/log/app/none.log", { "/var/log/app/other.log": "x\n" });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("none.log");
    expect(await ls(r.bash, "/var/log/app")).toEqual(["other.log"]);
  });

  it("bad arguments: exit 2, usage on stderr, the log untouched", async () => {
    for (const args of ["", "-k abc app.log", "-k 0 app.log", "app.log extra"]) {
      const r = await run(`cd /var/log/app && bash /opt/scripts/rotate.sh ${args}`, { "/var/log/app/app.log": "x\n" });
      expect(r.exitCode, args || "(no arguments)").toBe(2);
      expect(r.stderr, args).toMatch(/^usage: /);
      expect(await ls(r.bash, "/var/log/app")).toEqual(["app.log"]);
    }
  });
});

import { describe, expect, it } from "vitest";
import { connectHost } from "./host-channel";
import type { HostCommand } from "./protocol";

/** A window and its parent, just enough of them for the channel. */
function frames() {
  const sent: { message: unknown; targetOrigin: string }[] = [];
  const parent = { postMessage: (message: unknown, targetOrigin: string) => sent.push({ message, targetOrigin }) };
  const target = new EventTarget();
  const win = Object.assign(target, { parent }) as unknown as Window;
  const deliver = (data: unknown, origin: string, source: unknown = parent) => target.dispatchEvent(Object.assign(new Event("message"), { data, origin, source }));
  return { win, sent, deliver, other: { postMessage() {} } };
}

describe("the embed's channel to its host", () => {
  const HOST = "http://localhost:5000";

  it("hands over valid commands from the parent at its origin, and posts to that origin only", () => {
    const { win, sent, deliver } = frames();
    const got: HostCommand[] = [];
    const channel = connectHost(win, HOST, (c) => got.push(c));
    deliver({ source: "roadlab", version: 1, type: "run" }, HOST);
    expect(got).toEqual([{ type: "run" }]);
    channel.post({ type: "ready", slug: "x" });
    expect(sent).toEqual([{ message: { source: "roadlab", version: 1, type: "ready", slug: "x" }, targetOrigin: HOST }]);
  });

  it("ignores, unanswered, messages from another origin or another window", () => {
    const { win, sent, deliver, other } = frames();
    const got: HostCommand[] = [];
    connectHost(win, HOST, (c) => got.push(c));
    deliver({ source: "roadlab", version: 1, type: "run" }, "http://localhost:6000");
    deliver({ source: "roadlab", version: 1, type: "run" }, HOST, other);
    deliver("junk", "http://evil.example");
    expect(got).toEqual([]);
    expect(sent).toEqual([]);
  });

  it("answers a malformed command from the host with error, and stops listening when closed", () => {
    const { win, sent, deliver } = frames();
    const got: HostCommand[] = [];
    const channel = connectHost(win, HOST, (c) => got.push(c));
    deliver({ source: "roadlab", version: 1, type: "explode" }, HOST);
    expect(got).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(sent[0].message).toMatchObject({ source: "roadlab", version: 1, type: "error", message: expect.stringContaining('found "explode"') });
    channel.close();
    deliver({ source: "roadlab", version: 1, type: "run" }, HOST);
    expect(got).toEqual([]);
  });
});

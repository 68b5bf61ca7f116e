import { describe, expect, it } from "vitest";
import { readSSE } from "@roadlab/realtime";
import { createFeed } from "../feed";

const options = { bufferSize: 5, retryMs: 2500, heartbeatMs: 60_000 };

/** The stream's raw text until `until` matches it (then the stream is cancelled, as a client leaving). */
async function readRaw(response: Response, until: (text: string) => boolean): Promise<string> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  try {
    while (!until(text)) {
      const { done, value } = await reader.read();
      if (done) break;
      text += value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text;
}

const connect = (feed: ReturnType<typeof createFeed>, query = "", lastEventId?: string) =>
  feed.app.request(`/events${query}`, { headers: lastEventId === undefined ? {} : { "Last-Event-ID": lastEventId } });

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("live events", () => {
  it("answers with an event stream that proxies must not buffer", async () => {
    const feed = createFeed(options);
    const res = await connect(feed);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    await res.body!.cancel();
  });

  it("starts the stream with the retry field alone", async () => {
    const feed = createFeed(options);
    const text = await readRaw(await connect(feed), (t) => t.includes("\n\n"));
    expect(text.startsWith("retry: 2500\n\n")).toBe(true);
  });

  it("pushes each published event with its id and its topic as the event name", async () => {
    const feed = createFeed(options);
    const res = await connect(feed);
    expect(feed.publish("prices", '{"AAPL":190}')).toBe(1);
    expect(feed.publish("news", "markets open")).toBe(2);
    expect(await readSSE(res, { count: 2 })).toEqual([
      { id: "1", event: "prices", data: '{"AAPL":190}' },
      { id: "2", event: "news", data: "markets open" },
    ]);
  });

  it("sends a multi-line payload as one data line per line", async () => {
    const feed = createFeed(options);
    const res = await connect(feed);
    feed.publish("news", "line one\nline two\r\nline three");
    const text = await readRaw(res, (t) => t.includes("line three\n"));
    expect(text).toContain("data: line one\ndata: line two\ndata: line three\n");
    const again = await connect(feed, "", "0");
    expect(await readSSE(again, { count: 1 })).toEqual([{ id: "1", event: "news", data: "line one\nline two\nline three" }]);
  });

  it("sends only the topics a client asked for, ids staying global", async () => {
    const feed = createFeed(options);
    const res = await connect(feed, "?topics=news,alerts");
    feed.publish("prices", "1");
    feed.publish("news", "a");
    feed.publish("prices", "2");
    feed.publish("alerts", "b");
    expect(await readSSE(res, { count: 2 })).toEqual([
      { id: "2", event: "news", data: "a" },
      { id: "4", event: "alerts", data: "b" },
    ]);
  });

  it("keeps idle streams alive with comment lines, which are not events", async () => {
    const feed = createFeed({ ...options, heartbeatMs: 5 });
    const text = await readRaw(await connect(feed), (t) => /^:.*\n/m.test(t));
    expect(text).toMatch(/^:.*\n/m);
    const res = await connect(feed);
    await new Promise((resolve) => setTimeout(resolve, 30));
    feed.publish("news", "after the heartbeats");
    expect(await readSSE(res, { count: 1 })).toEqual([{ id: "1", event: "news", data: "after the heartbeats" }]);
  });

  it("forgets a client that went away", async () => {
    const feed = createFeed(options);
    const res = await connect(feed);
    const other = await connect(feed);
    expect(feed.clients).toBe(2);
    feed.publish("news", "x");
    await readSSE(res, { count: 1 });
    await other.body!.cancel();
    await tick();
    expect(feed.clients).toBe(0);
  });
});

describe("resuming with Last-Event-ID", () => {
  it("sends no history to a client without Last-Event-ID", async () => {
    const feed = createFeed(options);
    feed.publish("news", "old");
    const res = await connect(feed);
    feed.publish("news", "new");
    expect(await readSSE(res, { count: 1 })).toEqual([{ id: "2", event: "news", data: "new" }]);
  });

  it("replays only the events after the last one seen, then goes live", async () => {
    const feed = createFeed(options);
    for (let i = 1; i <= 4; i++) feed.publish("news", `n${i}`);
    const res = await connect(feed, "", "2");
    feed.publish("news", "n5");
    const events = await readSSE(res, { count: 3 });
    expect(events.map((e) => e.id)).toEqual(["3", "4", "5"]);
  });

  it("replays only the topics asked for", async () => {
    const feed = createFeed(options);
    feed.publish("news", "a");
    feed.publish("prices", "1");
    feed.publish("news", "b");
    feed.publish("prices", "2");
    const res = await connect(feed, "?topics=prices", "1");
    feed.publish("news", "c");
    feed.publish("prices", "3");
    expect((await readSSE(res, { count: 3 })).map((e) => e.data)).toEqual(["1", "2", "3"]);
  });

  it("replays nothing to a client that has seen the latest event", async () => {
    const feed = createFeed(options);
    feed.publish("news", "a");
    feed.publish("news", "b");
    const res = await connect(feed, "", "2");
    feed.publish("news", "c");
    expect(await readSSE(res, { count: 1 })).toEqual([{ id: "3", event: "news", data: "c" }]);
  });

  it("replays the whole buffer when the first missed event is its oldest", async () => {
    const feed = createFeed({ ...options, bufferSize: 3 });
    for (let i = 1; i <= 5; i++) feed.publish("news", `n${i}`);
    const res = await connect(feed, "", "2");
    expect((await readSSE(res, { count: 3 })).map((e) => e.id)).toEqual(["3", "4", "5"]);
  });

  it("sends a reset instead of a replay with holes when missed events were evicted", async () => {
    const feed = createFeed({ ...options, bufferSize: 3 });
    for (let i = 1; i <= 6; i++) feed.publish("news", `n${i}`);
    const res = await connect(feed, "", "2");
    feed.publish("news", "n7");
    expect(await readSSE(res, { count: 2 })).toEqual([
      { id: "6", event: "reset", data: "6" },
      { id: "7", event: "news", data: "n7" },
    ]);
  });

  it("sends a reset for an id the feed never issued", async () => {
    const feed = createFeed(options);
    feed.publish("news", "a");
    const res = await connect(feed, "", "40");
    expect(await readSSE(res, { count: 1 })).toEqual([{ id: "1", event: "reset", data: "1" }]);
  });

  it.each(["abc", "-1", "1.5", "7x"])("answers 400 BAD_LAST_EVENT_ID for Last-Event-ID %j", async (value) => {
    const feed = createFeed(options);
    const res = await connect(feed, "", value);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "BAD_LAST_EVENT_ID" } });
    expect(feed.clients).toBe(0);
  });
});

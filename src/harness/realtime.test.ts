import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { describe, expect, it } from "vitest";
import { connectWebSocket, readSSE, type WebSocketHandler } from "./realtime";

describe("readSSE", () => {
  it("reads events from Hono's streamSSE as EventSource would", async () => {
    let cancelled = false;
    const app = new Hono().get("/ticks", (c) =>
      streamSSE(c, async (stream) => {
        stream.onAbort(() => {
          cancelled = true;
        });
        for (let id = 1; !cancelled; id++) await stream.writeSSE({ id: String(id), event: "tick", data: JSON.stringify({ n: id }) });
      }),
    );
    const events = await readSSE(await app.request("/ticks"), { count: 3 });
    expect(events).toEqual([1, 2, 3].map((n) => ({ id: String(n), event: "tick", data: `{"n":${n}}` })));
  });

  it("says so when the response is not an event stream", async () => {
    await expect(readSSE(Response.json({}))).rejects.toThrow(/expected content-type text\/event-stream, got "application\/json" \(status 200\)/);
  });
});

const echo: WebSocketHandler = {
  onMessage(event, ws) {
    if (event.data === "bye") ws.close(4000, "asked to leave");
    else ws.send(`echo: ${event.data}`);
  },
};

describe("connectWebSocket", () => {
  it("delivers messages both ways and the server's close code", async () => {
    const socket = await connectWebSocket(echo);
    socket.send("hi");
    expect(await socket.nextMessage()).toBe("echo: hi");
    socket.send("bye");
    expect(await socket.closed).toEqual({ code: 4000, reason: "asked to leave", wasClean: true });
    await expect(socket.nextMessage()).rejects.toThrow(/closed \(code 4000\)/);
  });

  it("tells the handler the client's close code", async () => {
    const seen: number[] = [];
    const socket = await connectWebSocket({ onClose: (event) => void seen.push(event.code) });
    socket.close(3001, "done");
    await socket.closed;
    expect(seen).toEqual([3001]);
    expect(() => socket.close(1006)).toThrow(/must be 1000 or between 3000 and 4999/);
  });

  it("shows unread messages in the server's bufferedAmount", async () => {
    const sizes: number[] = [];
    const socket = await connectWebSocket({
      onOpen(_event, ws) {
        for (let i = 0; i < 3; i++) {
          ws.send("12345");
          sizes.push(ws.bufferedAmount);
        }
      },
    });
    expect(sizes).toEqual([5, 10, 15]);
    expect(socket.unread).toBe(3);
    await socket.nextMessage();
    expect(socket.unread).toBe(2);
  });

  it("closes with 1011 when the handler throws", async () => {
    const socket = await connectWebSocket({
      onMessage() {
        throw new Error("boom");
      },
    });
    socket.send("x");
    expect((await socket.closed).code).toBe(1011);
    expect(socket.errors).toEqual([new Error("boom")]);
  });
});

import { describe, expect, it } from "vitest";
import { connectWebSocket, type TestSocket } from "@roadlab/realtime";
import { createTicker, type Ticker } from "../ticker";

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const size = (quote: object) => new TextEncoder().encode(JSON.stringify(quote)).length;
const quote = (symbol: string, price: number, seq: number) => ({ type: "quote", symbol, price, seq });
/** Bytes the client has received but not read: what the server's bufferedAmount counts. */
const unreadBytes = (socket: TestSocket) =>
  socket.received.slice(socket.received.length - socket.unread).reduce((sum, m) => sum + new TextEncoder().encode(m as string).length, 0);

async function subscriber(ticker: Ticker, ...symbols: string[]) {
  const socket = await connectWebSocket(ticker.handler);
  socket.send(JSON.stringify({ type: "subscribe", symbols }));
  await settle();
  return socket;
}
async function readAll(socket: TestSocket, ticker: Ticker) {
  const messages = [];
  for (;;) {
    while (socket.unread > 0) messages.push(JSON.parse((await socket.nextMessage()) as string));
    ticker.flush();
    await settle();
    if (socket.unread === 0) return messages;
  }
}

describe("quotes", () => {
  it("sends a reader who keeps up every price of the symbols it asked for, in order", async () => {
    const ticker = createTicker({ maxBufferedBytes: 10_000 });
    const socket = await subscriber(ticker, "AAPL", "MSFT");
    ticker.publish("AAPL", 190.5);
    ticker.publish("TSLA", 250);
    ticker.publish("MSFT", 410);
    ticker.publish("AAPL", 191);
    expect(await readAll(socket, ticker)).toEqual([quote("AAPL", 190.5, 1), quote("MSFT", 410, 1), quote("AAPL", 191, 2)]);
  });

  it("sends a new subscriber the latest price of each symbol, not their history", async () => {
    const ticker = createTicker({ maxBufferedBytes: 10_000 });
    ticker.publish("AAPL", 1);
    ticker.publish("AAPL", 2);
    ticker.publish("MSFT", 3);
    const socket = await subscriber(ticker, "AAPL", "MSFT", "NVDA");
    expect(await readAll(socket, ticker)).toEqual([quote("AAPL", 2, 2), quote("MSFT", 3, 1)]);
  });

  it("adds the symbols of a second subscribe to the first", async () => {
    const ticker = createTicker({ maxBufferedBytes: 10_000 });
    const socket = await subscriber(ticker, "AAPL");
    socket.send(JSON.stringify({ type: "subscribe", symbols: ["MSFT"] }));
    await settle();
    ticker.publish("MSFT", 1);
    ticker.publish("AAPL", 2);
    expect(await readAll(socket, ticker)).toEqual([quote("MSFT", 1, 1), quote("AAPL", 2, 1)]);
  });

  it("answers BAD_MESSAGE to a frame that is not a subscribe", async () => {
    const ticker = createTicker({ maxBufferedBytes: 10_000 });
    for (const frame of ["{", JSON.stringify({ type: "subscribe", symbols: ["aapl"] }), JSON.stringify({ type: "subscribe", symbols: [] })]) {
      const socket = await connectWebSocket(ticker.handler);
      socket.send(frame);
      expect(JSON.parse((await socket.nextMessage()) as string)).toEqual({ type: "error", code: "BAD_MESSAGE" });
    }
  });

  it("forgets a client that closed", async () => {
    const ticker = createTicker({ maxBufferedBytes: 10_000 });
    const socket = await subscriber(ticker, "AAPL");
    expect(ticker.clients).toBe(1);
    socket.close();
    await socket.closed;
    expect(ticker.clients).toBe(0);
  });
});

describe("a slow reader", () => {
  const limit = 2 * size(quote("AAPL", 100, 10));

  it("never has more unread bytes than the limit", async () => {
    const ticker = createTicker({ maxBufferedBytes: limit });
    const socket = await subscriber(ticker, "AAPL", "MSFT");
    for (let i = 1; i <= 30; i++) {
      ticker.publish(i % 3 ? "AAPL" : "MSFT", 100 + i);
      ticker.flush();
      expect(unreadBytes(socket)).toBeLessThanOrEqual(limit);
    }
    expect(socket.unread).toBe(2);
  });

  it("gets the latest price of every symbol once it catches up, skipping the ones in between", async () => {
    const ticker = createTicker({ maxBufferedBytes: limit });
    const socket = await subscriber(ticker, "AAPL", "MSFT");
    for (let i = 1; i <= 20; i++) ticker.publish("AAPL", 100 + i);
    for (let i = 1; i <= 5; i++) ticker.publish("MSFT", 400 + i);
    const messages = await readAll(socket, ticker);
    expect(messages).toEqual([quote("AAPL", 101, 1), quote("AAPL", 102, 2), quote("AAPL", 120, 20), quote("MSFT", 405, 5)]);
  });

  it("keeps a symbol's turn in the queue when a newer price replaces its waiting one", async () => {
    const ticker = createTicker({ maxBufferedBytes: limit });
    const socket = await subscriber(ticker, "AAPL", "MSFT", "NVDA");
    ticker.publish("NVDA", 1);
    ticker.publish("NVDA", 2); // the buffer is now full
    ticker.publish("AAPL", 3);
    ticker.publish("MSFT", 4);
    ticker.publish("AAPL", 5);
    const messages = await readAll(socket, ticker);
    expect(messages.map((m) => `${m.symbol}:${m.price}`)).toEqual(["NVDA:1", "NVDA:2", "AAPL:5", "MSFT:4"]);
  });

  it("does not hold back a fast reader", async () => {
    const ticker = createTicker({ maxBufferedBytes: limit });
    const slow = await subscriber(ticker, "AAPL");
    const fast = await subscriber(ticker, "AAPL");
    const prices: number[] = [];
    for (let i = 1; i <= 6; i++) {
      ticker.publish("AAPL", i);
      await settle();
      while (fast.unread > 0) prices.push(JSON.parse((await fast.nextMessage()) as string).price);
    }
    expect(prices).toEqual([1, 2, 3, 4, 5, 6]);
    expect(slow.unread).toBe(2);
  });

  it("sends nothing twice when flushed with nothing waiting", async () => {
    const ticker = createTicker({ maxBufferedBytes: limit });
    const socket = await subscriber(ticker, "AAPL");
    ticker.publish("AAPL", 1);
    await readAll(socket, ticker);
    ticker.flush();
    ticker.flush();
    await settle();
    expect(socket.received).toHaveLength(1);
  });
});

import type { WebSocketHandler } from "@roadlab/realtime";
// import { z } from "zod";

export interface Quote {
  type: "quote";
  symbol: string;
  price: number;
  /** Per symbol: 1 for its first price, +1 for each later one. A jump means values were conflated. */
  seq: number;
}

export interface TickerOptions {
  /** A client's unread bytes never go above this. */
  maxBufferedBytes: number;
}

export interface Ticker {
  handler: WebSocketHandler;
  /** A new price: the latest quote for the symbol, queued for every subscriber. */
  publish(symbol: string, price: number): void;
  /** Sends what each client's queue now has room for (call it when clients may have read). */
  flush(): void;
  readonly clients: number;
}

export function createTicker(options: TickerOptions): Ticker {
  // TODO: the latest quote per symbol; per client its symbols and a queue holding at most one
  // quote per symbol; a drain that sends while ws.bufferedAmount leaves room.
  void options;
  return {
    handler: {
      onMessage() {
        throw new Error("not implemented");
      },
    },
    publish() {
      throw new Error("not implemented");
    },
    flush() {},
    get clients() {
      return 0;
    },
  };
}

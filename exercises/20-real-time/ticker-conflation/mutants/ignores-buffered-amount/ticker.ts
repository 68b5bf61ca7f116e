import type { ServerSocket, WebSocketHandler } from "@roadlab/realtime";
import { z } from "zod";

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

const subscribe = z.strictObject({ type: z.literal("subscribe"), symbols: z.array(z.string().regex(/^[A-Z]{1,5}$/)).min(1) });

interface Client {
  symbols: Set<string>;
  /** At most one quote per symbol: a newer price replaces the older in place, keeping its turn. */
  pending: Map<string, Quote>;
}

export function createTicker(options: TickerOptions): Ticker {
  const latest = new Map<string, Quote>();
  const clients = new Map<ServerSocket, Client>();
  const encoder = new TextEncoder();

  function drain(ws: ServerSocket, client: Client) {
    for (const [symbol, quote] of client.pending) {
      const text = JSON.stringify(quote);
      ws.send(text);
      client.pending.delete(symbol);
    }
  }

  return {
    handler: {
      onOpen(_event, ws) {
        clients.set(ws, { symbols: new Set(), pending: new Map() });
      },
      onMessage(event, ws) {
        const client = clients.get(ws);
        if (!client) return;
        let parsed;
        try {
          parsed = subscribe.safeParse(JSON.parse(String(event.data)));
        } catch {
          parsed = undefined;
        }
        if (!parsed?.success) return ws.send(JSON.stringify({ type: "error", code: "BAD_MESSAGE" }));
        for (const symbol of parsed.data.symbols) {
          client.symbols.add(symbol);
          const quote = latest.get(symbol);
          if (quote) client.pending.set(symbol, quote);
        }
        drain(ws, client);
      },
      onClose(_event, ws) {
        clients.delete(ws);
      },
    },
    publish(symbol, price) {
      const quote: Quote = { type: "quote", symbol, price, seq: (latest.get(symbol)?.seq ?? 0) + 1 };
      latest.set(symbol, quote);
      for (const [ws, client] of clients) {
        if (!client.symbols.has(symbol)) continue;
        client.pending.set(symbol, quote);
        drain(ws, client);
      }
    },
    flush() {
      for (const [ws, client] of clients) drain(ws, client);
    },
    get clients() {
      return clients.size;
    },
  };
}

import { NetworkError, type Network } from "./network";

export type BrowseErrorCode =
  | "BAD_URL"
  | "UNSUPPORTED_SCHEME"
  | "NXDOMAIN"
  | "DNS_LOOP"
  | "BAD_RESPONSE"
  | "TOO_MANY_REDIRECTS"
  | NetworkError["code"];

export class BrowseError extends Error {
  constructor(readonly code: BrowseErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BrowseError";
  }
}

/** What happened on the way to the page, in order. */
export type Step =
  | { type: "hsts-upgrade"; from: string; to: string }
  | { type: "dns"; name: string; chain: string[]; address: string }
  | { type: "connect"; address: string; port: number; tls: boolean }
  | { type: "request"; target: string; host: string }
  | { type: "response"; status: number }
  | { type: "redirect"; location: string };

export interface Page {
  /** The URL the page finally came from, after upgrades and redirects. */
  url: string;
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  steps: Step[];
}

/** A tiny browser: URL → DNS → TCP (+TLS) → HTTP request → response, with redirects and HSTS. */
export class Browser {
  constructor(private readonly network: Network, private readonly options: { maxRedirects?: number } = {}) {}

  /** Opens `address` as a browser would; see README.md for each step. */
  open(address: string): Page {
    // TODO: parse the URL, apply HSTS, resolve the name, connect (with TLS for https),
    // send the request, parse the response, follow redirects, remember Strict-Transport-Security.
    throw new Error(`TODO: open ${address} over ${this.network.connections.length} connections`);
  }

  /** Whether this browser will only use HTTPS for `host` (it saw Strict-Transport-Security). */
  isHsts(host: string): boolean {
    // TODO
    throw new Error(`TODO: isHsts(${host}) with ${JSON.stringify(this.options)}`);
  }
}

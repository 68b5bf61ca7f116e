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

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_CNAMES = 8;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** A tiny browser: URL → DNS → TCP (+TLS) → HTTP request → response, with redirects and HSTS. */
export class Browser {
  /** Hosts that told us, over HTTPS, to use HTTPS only: name → whether subdomains are included. */
  private readonly hsts = new Map<string, boolean>();

  constructor(private readonly network: Network, private readonly options: { maxRedirects?: number } = {}) {}

  open(address: string): Page {
    const steps: Step[] = [];
    let url = this.parse(address);
    const maxRedirects = this.options.maxRedirects ?? 5;
    for (let redirects = 0; ; redirects++) {
      url = this.upgrade(url, steps);
      const page = this.fetchOnce(url, steps);
      const location = page.headers["location"];
      if (!REDIRECTS.has(page.status) || location === undefined) return { ...page, url: url.href, steps };
      if (redirects === maxRedirects) throw new BrowseError("TOO_MANY_REDIRECTS", `more than ${maxRedirects} redirects`);
      url = this.parse(location, url);
      steps.push({ type: "redirect", location: url.href });
    }
  }

  isHsts(host: string): boolean {
    const name = host.toLowerCase();
    for (const [known, subdomains] of this.hsts) {
      if (name === known || (subdomains && name.endsWith(known))) return true;
    }
    return false;
  }

  private parse(address: string, base?: URL): URL {
    let url: URL;
    try {
      url = new URL(address, base);
    } catch (error) {
      throw new BrowseError("BAD_URL", `not a URL: ${address}`, { cause: error });
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new BrowseError("UNSUPPORTED_SCHEME", `cannot open ${url.protocol} URLs`);
    }
    return url;
  }

  /**
   * RFC 6797 §8.3: a known HSTS host is only ever reached over HTTPS. Its "explicit :80 becomes :443"
   * holds by itself: the URL parser drops a scheme's default port, so http://h:80/ has no port.
   */
  private upgrade(url: URL, steps: Step[]): URL {
    if (url.protocol !== "http:" || !this.isHsts(url.hostname)) return url;
    const upgraded = new URL(url.href);
    upgraded.protocol = "https:";
    steps.push({ type: "hsts-upgrade", from: url.href, to: upgraded.href });
    return upgraded;
  }

  private fetchOnce(url: URL, steps: Step[]): Omit<Page, "url" | "steps"> {
    const tls = url.protocol === "https:";
    const address = IPV4.test(url.hostname) ? url.hostname : this.resolve(url.hostname, steps);
    const port = url.port ? Number(url.port) : tls ? 443 : 80;
    steps.push({ type: "connect", address, port, tls });
    const target = `${url.pathname}${url.search}`;
    steps.push({ type: "request", target, host: url.host });
    let raw: string;
    try {
      // The certificate must cover the name the user asked for, not the CNAME target it resolved through.
      const connection = this.network.connect(address, port, { tls, serverName: url.hostname });
      raw = connection.send(`GET ${target} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`);
    } catch (error) {
      if (error instanceof NetworkError) throw new BrowseError(error.code, error.message, { cause: error });
      throw error;
    }
    const response = parseResponse(raw);
    steps.push({ type: "response", status: response.status });
    if (tls) this.remember(url.hostname, response.headers["strict-transport-security"]);
    return response;
  }

  private resolve(host: string, steps: Step[]): string {
    const records = new Map(Object.entries(this.network.zone).map(([name, rs]) => [normalise(name), rs]));
    const chain = [normalise(host)];
    for (;;) {
      const name = chain[chain.length - 1];
      const here = records.get(name) ?? [];
      const a = here.find((r) => r.type === "A");
      if (a) {
        steps.push({ type: "dns", name: chain[0], chain, address: a.value });
        return a.value;
      }
      const alias = here.find((r) => r.type === "CNAME");
      if (!alias) throw new BrowseError("NXDOMAIN", `${chain[0]} has no address`);
      const next = normalise(alias.value);
      if (chain.includes(next) || chain.length > MAX_CNAMES) throw new BrowseError("DNS_LOOP", `CNAME loop at ${next}`);
      chain.push(next);
    }
  }

  /** RFC 6797: honoured only over HTTPS; max-age=0 forgets the host. */
  private remember(host: string, header: string | undefined) {
    if (header === undefined) return;
    const directives = header.split(";").map((d) => d.trim().toLowerCase());
    const maxAge = directives.find((d) => d.startsWith("max-age="));
    if (!maxAge) return;
    const seconds = Number(maxAge.slice("max-age=".length).replace(/^"|"$/g, ""));
    if (!Number.isInteger(seconds) || seconds < 0) return;
    if (seconds === 0) this.hsts.delete(host.toLowerCase());
    else this.hsts.set(host.toLowerCase(), directives.includes("includesubdomains"));
  }
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

function parseResponse(raw: string): Omit<Page, "url" | "steps"> {
  const end = raw.indexOf("\r\n\r\n");
  if (end < 0) throw new BrowseError("BAD_RESPONSE", "the response has no end of headers");
  const [statusLine, ...lines] = raw.slice(0, end).split("\r\n");
  const match = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/.exec(statusLine);
  if (!match) throw new BrowseError("BAD_RESPONSE", `bad status line: ${statusLine}`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon <= 0) throw new BrowseError("BAD_RESPONSE", `bad header line: ${line}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  const rest = raw.slice(end + 4);
  let body = rest;
  if (headers["content-length"] !== undefined) {
    const length = Number(headers["content-length"]);
    const bytes = new TextEncoder().encode(rest);
    if (!/^\d+$/.test(headers["content-length"]) || bytes.length < length) {
      throw new BrowseError("BAD_RESPONSE", "the body is shorter than its Content-Length");
    }
    body = new TextDecoder().decode(bytes.slice(0, length));
  }
  return { status: Number(match[1]), headers, body };
}

import { Network, type Server, type Zone } from "../network";

export type Route = string | ((request: string) => string);

/** A raw HTTP/1.1 response, with Content-Length counted in bytes. */
export function respond(status: number, headers: Record<string, string> = {}, body = ""): string {
  const lines = [`HTTP/1.1 ${status} ${status < 300 ? "OK" : "Moved"}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-length")) {
    lines.push(`Content-Length: ${new TextEncoder().encode(body).length}`);
  }
  return `${lines.join("\r\n")}\r\n\r\n${body}`;
}

/** A server answering by request target (`/path?query`); unknown targets get a 404. */
export function server(ip: string, port: number, routes: Record<string, Route>, certificate?: string[]): Server {
  return {
    ip,
    port,
    certificate,
    handle(request) {
      const target = /^GET (\S+) HTTP\/1\.1\r\n/.exec(request)?.[1] ?? "";
      const route = routes[target];
      if (route === undefined) return respond(404, {}, "not found");
      return typeof route === "string" ? route : route(request);
    },
  };
}

export function network(zone: Zone, servers: Server[]): Network {
  return new Network(zone, servers);
}

/** One `location [modifier] path { proxy_pass …; }` block, in config order. */
export interface Location {
  /** "=" exact, "^~" prefix that stops the regex search, "~" / "~*" regex, absent: plain prefix. */
  modifier?: "=" | "^~" | "~" | "~*";
  /** The prefix string, or the regex source for "~" and "~*". */
  path: string;
  /** e.g. "http://users" (no URI part) or "http://users/v2/" (URI part "/v2/"). */
  proxyPass: string;
}

export type LocationErrorCode = "BAD_URI" | "DUPLICATE_LOCATION" | "BAD_REGEX" | "URI_IN_REGEX_LOCATION";

export class LocationError extends Error {
  constructor(readonly code: LocationErrorCode, message: string) {
    super(message);
    this.name = "LocationError";
  }
}

const isRegex = (location: Location) => location.modifier === "~" || location.modifier === "~*";

/** The URI part of a proxy_pass value: everything from the first "/" after the host, or null. */
export function uriPart(proxyPass: string): string | null {
  const afterScheme = proxyPass.indexOf("://") + 3;
  const slash = proxyPass.indexOf("/", afterScheme);
  return slash === -1 ? null : proxyPass.slice(slash);
}

/** Checks a configuration the way `nginx -t` would, for the rules in the README. */
export function validate(locations: Location[]): void {
  const seen = new Set<string>();
  for (const location of locations) {
    if (isRegex(location)) {
      try {
        new RegExp(location.path);
      } catch {
        throw new LocationError("BAD_REGEX", `location ${location.modifier} ${location.path}: not a valid regular expression`);
      }
      if (uriPart(location.proxyPass) !== null) {
        throw new LocationError("URI_IN_REGEX_LOCATION", `location ${location.modifier} ${location.path}: proxy_pass cannot have a URI part`);
      }
      continue;
    }
    // "/a" and "^~ /a" are the same prefix to nginx; "= /a" is a separate exact location.
    const key = `${location.modifier === "=" ? "=" : ""} ${location.path}`;
    if (seen.has(key)) throw new LocationError("DUPLICATE_LOCATION", `duplicate location "${location.path}"`);
    seen.add(key);
  }
}

/** The path nginx matches against: query dropped, %XX decoded, slashes merged, "." and ".." resolved. */
export function normalizePath(requestUri: string): string {
  const raw = requestUri.split("?")[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new LocationError("BAD_URI", `bad percent-encoding in ${raw}`);
  }
  if (!decoded.startsWith("/")) throw new LocationError("BAD_URI", `expected a path starting with "/", got ${raw}`);
  const out: string[] = [];
  const segments = decoded.split("/").slice(1);
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === "..") {
      if (out.length === 0) throw new LocationError("BAD_URI", `${raw} climbs above the root`);
      out.pop();
      if (last) out.push("");
    } else if (segment === ".") {
      if (last) out.push("");
    } else if (segment !== "" || last) {
      out.push(segment);
    }
  });
  return "/" + out.join("/");
}

export function selectLocation(locations: Location[], requestUri: string): Location | null {
  const path = requestUri.split("?")[0];
  const exact = locations.find((l) => l.modifier === "=" && l.path === path);
  if (exact) return exact;
  let longest: Location | null = null;
  for (const location of locations) {
    if (location.modifier === "=" || isRegex(location)) continue;
    if (path.startsWith(location.path) && (!longest || location.path.length > longest.path.length)) longest = location;
  }
  if (longest?.modifier === "^~") return longest;
  const regex = locations.find((l) => isRegex(l) && new RegExp(l.path, l.modifier === "~*" ? "i" : "").test(path));
  return regex ?? longest;
}

export function upstreamUrl(location: Location, requestUri: string): string {
  const uri = uriPart(location.proxyPass);
  if (uri === null) return location.proxyPass + requestUri;
  const query = requestUri.includes("?") ? requestUri.slice(requestUri.indexOf("?")) : "";
  const path = normalizePath(requestUri);
  // The configured URI is sent as written; the decoded rest of the path is escaped again.
  return location.proxyPass + encodeURI(path.slice(location.path.length)) + query;
}

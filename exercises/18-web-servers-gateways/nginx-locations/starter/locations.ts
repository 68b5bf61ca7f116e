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

const notImplemented = (what: string): never => {
  throw new Error(`${what}: not implemented`);
};

/** Checks a configuration the way `nginx -t` would, for the rules in the README. */
export function validate(locations: Location[]): void {
  // TODO: BAD_REGEX, URI_IN_REGEX_LOCATION, DUPLICATE_LOCATION.
  notImplemented("validate");
}

/** The path nginx matches against: query dropped, %XX decoded, slashes merged, "." and ".." resolved. */
export function normalizePath(requestUri: string): string {
  // TODO: throw new LocationError("BAD_URI", …) for a path nginx would answer 400.
  return notImplemented("normalizePath");
}

/** The location nginx would pick for this request, or null. */
export function selectLocation(locations: Location[], requestUri: string): Location | null {
  // TODO: exact, longest prefix (remembered), ^~, regexes in config order, fallback.
  return notImplemented("selectLocation");
}

/** The URL nginx would send upstream for a request this location matched. */
export function upstreamUrl(location: Location, requestUri: string): string {
  // TODO: without a URI part, the request URI as sent; with one, replace the matched prefix.
  return notImplemented("upstreamUrl");
}

import { ComposeError } from "./errors";

/** A service as far as start order cares: the short (list) or long (map) form of depends_on. */
export interface ServiceDeps {
  depends_on?: string[] | Record<string, { condition?: string; required?: boolean; restart?: boolean }>;
}

/**
 * The order `docker compose up` starts the services in: every service after all it depends on,
 * ties broken by name. Throws ComposeError UNKNOWN_SERVICE or DEPENDENCY_CYCLE.
 */
export function startOrder(services: Record<string, ServiceDeps>): string[] {
  // TODO: read depends_on in both forms, check every name exists, then order (Kahn's algorithm).
  void ComposeError;
  throw new Error(`not implemented (${Object.keys(services).length} services)`);
}

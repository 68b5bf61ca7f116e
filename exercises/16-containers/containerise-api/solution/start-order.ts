import { ComposeError } from "./errors";

/** A service as far as start order cares: the short (list) or long (map) form of depends_on. */
export interface ServiceDeps {
  depends_on?: string[] | Record<string, { condition?: string; required?: boolean; restart?: boolean }>;
}

const dependencies = (service: ServiceDeps): string[] =>
  Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});

/**
 * The order `docker compose up` starts the services in: every service after all it depends on,
 * ties broken by name. Throws ComposeError UNKNOWN_SERVICE or DEPENDENCY_CYCLE.
 */
export function startOrder(services: Record<string, ServiceDeps>): string[] {
  const waitingOn = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const name of Object.keys(services)) dependents.set(name, []);
  for (const [name, service] of Object.entries(services)) {
    const deps = new Set(dependencies(service));
    for (const dep of deps) {
      if (!(dep in services)) {
        throw new ComposeError("UNKNOWN_SERVICE", `service "${name}" depends on undefined service "${dep}"`);
      }
      dependents.get(dep)!.push(name);
    }
    waitingOn.set(name, deps.size);
  }

  const ready = [...waitingOn].filter(([, n]) => n === 0).map(([name]) => name);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort();
    const next = ready.shift()!;
    order.push(next);
    for (const dependent of dependents.get(next)!) {
      const left = waitingOn.get(dependent)! - 1;
      waitingOn.set(dependent, left);
      if (left === 0) ready.push(dependent);
    }
  }
  if (order.length < waitingOn.size) {
    const stuck = [...waitingOn].filter(([, n]) => n > 0).map(([name]) => name).sort();
    throw new ComposeError("DEPENDENCY_CYCLE", `dependency cycle among ${stuck.join(", ")}`);
  }
  return order;
}

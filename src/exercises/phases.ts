/** The 25 phases of the backend roadmap, in the order a learner walks them. */
export interface Phase {
  number: number;
  slug: string;
  title: string;
  summary: string;
}

export const phases: readonly Phase[] = [
  { number: 1, slug: "internet", title: "How the internet works", summary: "HTTP messages, DNS lookups and what really travels over the wire between client and server." },
  { number: 2, slug: "language", title: "A backend language", summary: "TypeScript on a Node-style runtime: types, modules, promises and async iteration done right." },
  { number: 3, slug: "version-control", title: "Version control", summary: "How git stores history as content-addressed objects, and how branches find their common ancestor." },
  { number: 4, slug: "relational-databases", title: "Relational databases", summary: "SQL that answers real questions: joins, aggregates, constraints, transactions and indexes." },
  { number: 5, slug: "orm-data-access", title: "ORMs and data access", summary: "Mapping rows to objects without losing control of the queries, and spotting the N+1 problem." },
  { number: 6, slug: "apis", title: "REST APIs", summary: "Resources, status codes, validation, pagination and error bodies clients can act on." },
  { number: 7, slug: "authentication", title: "Authentication and authorisation", summary: "Password hashing, tokens, sessions and deciding who may do what." },
  { number: 8, slug: "web-security", title: "Web security", summary: "Injection, XSS, CORS and security headers: the attacks every backend meets and the defences that hold." },
  { number: 9, slug: "testing", title: "Testing", summary: "Tests that catch real bugs: unit, integration and contract tests, and knowing what to assert." },
  { number: 10, slug: "caching", title: "Caching", summary: "Cache-aside, TTLs, invalidation and HTTP caching: speed without serving stale lies." },
  { number: 11, slug: "architecture", title: "Software architecture", summary: "Layers, boundaries and dependency direction: monoliths, modules and when to split services." },
  { number: 12, slug: "messaging", title: "Message brokers", summary: "Queues, pub/sub, at-least-once delivery, idempotent consumers and the outbox pattern." },
  { number: 13, slug: "containers", title: "Containers", summary: "Images, layers and processes: what a container is and how to build small, reproducible ones." },
  { number: 14, slug: "kubernetes", title: "Kubernetes", summary: "Declarative deployments, reconciliation loops, probes, rollouts and scheduling." },
  { number: 15, slug: "gateways", title: "Web servers and gateways", summary: "Reverse proxies, load balancing, rate limiting and routing at the edge." },
  { number: 16, slug: "nosql", title: "NoSQL databases", summary: "Key-value, document and wide-column stores, and modelling data for the queries you run." },
  { number: 17, slug: "real-time", title: "Real-time communication", summary: "Long polling, server-sent events and WebSockets: pushing data as it changes." },
  { number: 18, slug: "search", title: "Search engines", summary: "Inverted indexes, tokenising, ranking and full-text search inside and outside Postgres." },
  { number: 19, slug: "scaling", title: "Scaling", summary: "Horizontal scaling, replication, sharding and partitioning, and the limits of each." },
  { number: 20, slug: "observability", title: "Observability", summary: "Structured logs, metrics and traces that let you answer questions you did not plan for." },
  { number: 21, slug: "resilience", title: "Resilience", summary: "Timeouts, retries with backoff, circuit breakers and graceful degradation." },
  { number: 22, slug: "infrastructure", title: "Infrastructure as code", summary: "Describing servers, networks and deployments as reviewed, repeatable code." },
  { number: 23, slug: "ci-cd", title: "CI/CD and delivery", summary: "Pipelines, build caching, feature flags and deploying many times a day safely." },
  { number: 24, slug: "distributed-systems", title: "Distributed systems", summary: "Consistency models, consensus, clocks and the CAP trade-offs behind every distributed store." },
  { number: 25, slug: "system-design", title: "System design", summary: "Putting it together: estimating load, choosing components and defending the trade-offs." },
];

export function phaseByNumber(n: number): Phase | undefined {
  return phases[n - 1];
}

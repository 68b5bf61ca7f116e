/**
 * The 25 phases of the backend roadmap (shared/ROADMAP.md), in the order a learner walks them.
 * Topics are the roadmap's own list for the phase; an exercise's `topics` must name some of them,
 * and `roadlab catalog` reports the ones no exercise teaches yet.
 */
export interface Phase {
  number: number;
  slug: string;
  title: string;
  summary: string;
  topics: readonly string[];
  /** The roadmap's checkpoint project for the phase, in one line. */
  checkpoint: string;
}

export const phases: readonly Phase[] = [
  {
    number: 1, slug: "internet", title: "How the internet works",
    summary: "HTTP messages, DNS lookups and what really travels over the wire between client and server.",
    topics: ["how the internet works", "HTTP", "HTTPS", "domain names", "DNS", "hosting", "browser and server", "request/response lifecycle", "client-server"],
    checkpoint: "Trace what happens between typing a URL and seeing the page: DNS, the connection, HTTP versus HTTPS, domain versus hosting.",
  },
  {
    number: 2, slug: "language", title: "A backend language",
    summary: "TypeScript on a Node-style runtime: types, modules, promises and async iteration done right.",
    topics: ["OOP", "collections", "errors", "generics", "streams and iteration", "lambdas", "concurrency", "runtime and memory"],
    checkpoint: "A console application — a bank, a library or a student register — with classes, collections and error handling.",
  },
  {
    number: 3, slug: "version-control", title: "Version control",
    summary: "How git stores history as content-addressed objects, and how branches find their common ancestor.",
    topics: ["git", "hosting", "branching", "merging", "pull requests", "code review", "release branches"],
    checkpoint: "A repository whose feature branch is reviewed and merged into main.",
  },
  {
    number: 4, slug: "relational-databases", title: "Relational databases",
    summary: "SQL that answers real questions: joins, aggregates, constraints, transactions and indexes.",
    topics: ["tables", "primary keys", "foreign keys", "joins", "indexes", "transactions", "ACID", "normalisation", "query optimisation"],
    checkpoint: "A schema and its queries for customer orders, a product inventory or bank accounts.",
  },
  {
    number: 5, slug: "orm-data-access", title: "ORMs and data access",
    summary: "Mapping rows to objects without losing control of the queries, and spotting the N+1 problem.",
    topics: ["entities", "repositories", "relationships", "lazy vs eager loading", "N+1", "transactions", "entity lifecycle"],
    checkpoint: "CRUD over Postgres through a repository layer, with relationships loaded without N+1.",
  },
  {
    number: 6, slug: "apis", title: "APIs",
    summary: "Resources, status codes, validation, pagination and error bodies clients can act on.",
    topics: ["REST", "GraphQL", "gRPC", "SOAP", "JSON APIs", "OpenAPI", "nouns not verbs", "status codes"],
    checkpoint: "APIs for users, products and orders with the right verbs, status codes and error bodies.",
  },
  {
    number: 7, slug: "authentication", title: "Authentication and authorisation",
    summary: "Password hashing, tokens, sessions and deciding who may do what.",
    topics: ["basic auth", "JWT", "OAuth2", "OpenID Connect", "SAML", "cookie vs token", "role-based access control"],
    checkpoint: "Register and log in, then a JWT-protected API with a role-based admin area.",
  },
  {
    number: 8, slug: "web-security", title: "Web security",
    summary: "Injection, XSS, CORS and security headers: the attacks every backend meets and the defences that hold.",
    topics: ["HTTPS/TLS", "CORS", "CSP", "OWASP Top 10", "password hashing", "SHA", "API security", "SQL injection", "XSS", "CSRF", "broken authentication", "data exposure"],
    checkpoint: "Harden an authentication service: password hashing, security headers, CSRF protection and token expiry.",
  },
  {
    number: 9, slug: "testing", title: "Testing",
    summary: "Tests that catch real bugs: unit, integration and contract tests, and knowing what to assert.",
    topics: ["unit tests", "integration tests", "functional tests", "contract tests", "performance tests", "testing pyramid", "mocks"],
    checkpoint: "Tests for a service's business logic, repository, controller and security layers.",
  },
  {
    number: 10, slug: "caching", title: "Caching",
    summary: "Cache-aside, TTLs, invalidation and HTTP caching: speed without serving stale answers.",
    topics: ["client-side caching", "CDN caching", "server-side caching", "database caching", "distributed caching", "Redis", "Memcached", "cache-aside"],
    checkpoint: "Put Redis in front of a product API, and invalidate what a write makes stale.",
  },
  {
    number: 11, slug: "more-databases", title: "Databases in depth",
    summary: "Reading query plans, migrating without downtime, replicas, shards and what CAP really forbids.",
    topics: ["indexes", "transactions", "ACID", "N+1", "query profiling", "failure modes", "migrations", "replication", "sharding", "CAP"],
    checkpoint: "Take a slow API and make it fast: the right indexes, no N+1, pagination and a cache.",
  },
  {
    number: 12, slug: "ci-cd", title: "CI/CD",
    summary: "Pipelines that build, test, package and deploy every change the same way.",
    topics: ["GitHub Actions", "Jenkins", "GitLab CI", "build", "test", "image", "deploy"],
    checkpoint: "A CI pipeline for the service: build, test, build an image, deploy.",
  },
  {
    number: 13, slug: "software-design", title: "Software design and architecture",
    summary: "SOLID, patterns and boundaries: code whose business rules do not depend on the database or the framework.",
    topics: ["SOLID", "GoF patterns", "DDD", "TDD", "CQRS", "event sourcing", "clean architecture", "hexagonal architecture", "layered architecture"],
    checkpoint: "Refactor a CRUD application into clean architecture, with the rules behind ports.",
  },
  {
    number: 14, slug: "architectural-patterns", title: "Architectural patterns",
    summary: "Monoliths, microservices, serverless and the rest: what each costs and when each pays.",
    topics: ["monolith", "microservices", "SOA", "serverless", "service mesh", "twelve-factor", "when to use which"],
    checkpoint: "A small e-commerce backend split into services that call each other.",
  },
  {
    number: 15, slug: "message-brokers", title: "Message brokers",
    summary: "Queues, topics, partitions and consumer groups: decoupling work with at-least-once delivery.",
    topics: ["Kafka", "RabbitMQ", "order processing", "notifications", "audit events", "payment events", "inventory events", "email"],
    checkpoint: "Event-driven order processing: an order placed, paid, reserved and notified through a broker.",
  },
  {
    number: 16, slug: "containers", title: "Containerisation",
    summary: "Images, layers and processes: small, reproducible containers and the files that describe them.",
    topics: ["Docker", "Dockerfile", "Compose", "images", "containers", "registries"],
    checkpoint: "Containerise the API: a small, non-root image and a Compose file with its database.",
  },
  {
    number: 17, slug: "kubernetes", title: "Kubernetes",
    summary: "Declarative deployments, reconciliation, probes, config and rolling updates.",
    topics: ["pods", "deployments", "services", "ConfigMaps", "secrets", "ingress", "Helm"],
    checkpoint: "Deploy the containerised app to Kubernetes with probes, config, secrets and an ingress.",
  },
  {
    number: 18, slug: "web-servers-gateways", title: "Web servers and API gateways",
    summary: "Reverse proxies, load balancers and gateways: what sits between the client and your services.",
    topics: ["Nginx", "Apache", "Caddy", "API gateway", "load balancer"],
    checkpoint: "Route several services through one gateway with auth, limits and load balancing.",
  },
  {
    number: 19, slug: "nosql", title: "NoSQL databases",
    summary: "Documents, keys, graphs, time series and wide columns — and modelling data for the queries you run.",
    topics: ["document", "key-value", "graph", "time series", "wide-column", "choosing a database"],
    checkpoint: "A product catalogue in a document store, or session storage in Redis.",
  },
  {
    number: 20, slug: "real-time", title: "Real-time data",
    summary: "Polling, Server-Sent Events and WebSockets: pushing changes to clients as they happen.",
    topics: ["WebSockets", "Server-Sent Events", "long polling", "short polling", "chat", "trading", "notifications", "dashboards"],
    checkpoint: "A real-time notification service that pushes to connected clients.",
  },
  {
    number: 21, slug: "search", title: "Search engines",
    summary: "Inverted indexes, analysis, ranking and keeping a search index in step with the database.",
    topics: ["Elasticsearch", "Solr", "indexing pipeline", "search API"],
    checkpoint: "Search over products or blog posts, fed from the database.",
  },
  {
    number: 22, slug: "scaling", title: "Building for scale",
    summary: "Scaling out, limiting, shedding and failing gracefully when load or a dependency turns against you.",
    topics: ["horizontal scaling", "vertical scaling", "load balancing", "throttling", "rate limiting", "backpressure", "circuit breaker", "graceful degradation", "load shedding", "migrations"],
    checkpoint: "Add rate limiting, retries, timeouts and a circuit breaker to a service.",
  },
  {
    number: 23, slug: "observability", title: "Observability",
    summary: "Logs, metrics and traces that answer the questions you did not plan for.",
    topics: ["logs", "metrics", "traces", "Prometheus", "Grafana", "OpenTelemetry", "latency", "error rate", "throughput", "pool usage", "consumer lag", "cache hit ratio"],
    checkpoint: "A monitoring dashboard for the service: its latency, errors, throughput and saturation.",
  },
  {
    number: 24, slug: "devops-infrastructure", title: "DevOps and infrastructure",
    summary: "Linux, the shell, networks, DNS, cloud building blocks and infrastructure described as code.",
    topics: ["Linux", "shell scripting", "networking", "DNS", "cloud compute", "object storage", "managed databases", "cloud monitoring", "Terraform"],
    checkpoint: "Deploy a backend whose infrastructure is described as code.",
  },
  {
    number: 25, slug: "system-design", title: "System design",
    summary: "Putting it together: estimating load, choosing components and defending the trade-offs.",
    topics: ["URL shortener", "notification system", "payment system", "file upload", "e-commerce", "banking transactions", "logging system", "API rate limiter"],
    checkpoint: "Design and build a URL shortener, a notification system and an order processing system.",
  },
];

export function phaseByNumber(n: number): Phase | undefined {
  return phases[n - 1];
}

/**
 * `@roadlab/redis` — what hidden tests import to hand learner code a Redis client.
 *
 *   let redis: Redis;
 *   beforeEach(async () => { redis = await createRedis(); });
 *
 * In the page, and in Node by default, the client is ioredis-mock: Redis in memory. When the Node
 * runtime sees `REDIS_URL`, it is real ioredis against that server, so CI holds the emulator to a
 * real Redis. Either way every `createRedis()` starts from an empty database and closes the
 * clients the previous test opened.
 */
import type { Redis, RedisOptions } from "ioredis";

export type { Redis, RedisOptions };

/** Clients opened since the last `createRedis()`, duplicates included: closed by the next one. */
const open = new Set<Redis>();

export async function createRedis(): Promise<Redis> {
  await closeRedis();
  const url = redisUrl();
  const client = url ? await realClient(url) : await mockClient();
  await client.flushdb();
  return track(client);
}

/** Closes every client the helper handed out (the Node runtime calls it after each test file). */
export async function closeRedis(): Promise<void> {
  const clients = [...open];
  open.clear();
  await Promise.all(clients.map((client) => client.quit().catch(() => client.disconnect())));
}

function redisUrl(): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.REDIS_URL || undefined;
}

/** Learner code may `duplicate()` for a subscriber; those must be closed too. */
function track(client: Redis): Redis {
  open.add(client);
  const duplicate = client.duplicate.bind(client);
  client.duplicate = (override?: Partial<RedisOptions>) => track(patch(duplicate(override)));
  return client;
}

/** Applied to every mock client, duplicates included; nothing for a real one. */
let patch = (client: Redis) => client;

async function mockClient(): Promise<Redis> {
  // The shim first: ioredis-mock's dependencies look for `window` and `Buffer` as they load.
  await import("./shims/browser-globals");
  const [{ default: RedisMock }, { closeMockGaps }] = await Promise.all([import("ioredis-mock"), import("./redis-mock-gaps")]);
  patch = (client) => (closeMockGaps(client), client);
  return patch(new RedisMock() as unknown as Redis);
}

let database: Promise<number> | undefined;

async function realClient(url: string): Promise<Redis> {
  // A variable specifier: the page's bundle must not contain the real, Node-only client.
  const specifier = "ioredis";
  const { default: IORedis } = (await import(/* @vite-ignore */ specifier)) as typeof import("ioredis");
  database ??= claimDatabase(IORedis, url).catch((error: Error) => {
    database = undefined;
    throw new Error(`REDIS_URL=${url}: cannot use that Redis server (${error.message})`);
  });
  patch = (client) => client;
  return new IORedis(url, { db: await database, maxRetriesPerRequest: 1 });
}

/**
 * Test files run in parallel (and `roadlab check` runs exercises in parallel), all against one
 * server: each process takes a logical database of its own, numbered by a counter in database 0,
 * so one file's FLUSHDB never empties another's keys. Channels are server-wide, though.
 */
async function claimDatabase(IORedis: typeof import("ioredis").default, url: string): Promise<number> {
  const admin = new IORedis(url, { db: 0, maxRetriesPerRequest: 1 });
  try {
    const [, databases] = (await admin.config("GET", "databases")) as [string, string];
    const count = Number(databases);
    if (count < 2) throw new Error(`REDIS_URL: the server has ${count} database; @roadlab/redis needs at least 2`);
    const ticket = await admin.incr("roadlab:database-counter");
    return 1 + (ticket % (count - 1));
  } finally {
    admin.disconnect();
  }
}

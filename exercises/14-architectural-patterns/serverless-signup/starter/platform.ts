/**
 * A tiny function-as-a-service platform (read-only), shaped like AWS Lambda: an instance runs
 * `init` once when it starts cold, then serves one invocation at a time; a busy platform starts
 * another instance; instances can be thrown away at any time.
 */
/** The part of the ioredis client this function gets (the tests pass a real one from @roadlab/redis). */
export interface RedisClient {
  set(key: string, value: string, mode: "EX", seconds: number, condition: "NX"): Promise<"OK" | null>;
  get(key: string): Promise<string | null>;
  del(...keys: string[]): Promise<number>;
  incr(key: string): Promise<number>;
}

export interface Deps {
  /** Durable storage shared by every instance. */
  redis: RedisClient;
  env: Record<string, string | undefined>;
  /** Slow: reads the e-mail templates (count how often it is called). */
  loadTemplates(): Promise<{ welcomeSubject: string }>;
  mailer: { send(to: string, subject: string): Promise<void> };
}

export interface Context {
  requestId: string;
  instanceId: number;
}

export interface FunctionModule<S> {
  init(deps: Deps): Promise<S>;
  handle(state: S, event: unknown, context: Context): Promise<unknown>;
}

export function createPlatform<S>(fn: FunctionModule<S>, deps: Deps) {
  const idle: { id: number; state: S }[] = [];
  let instances = 0;
  let requests = 0;
  const stats = { coldStarts: 0 };

  return {
    stats,
    async invoke(event: unknown): Promise<unknown> {
      let instance = idle.pop();
      if (!instance) {
        stats.coldStarts += 1;
        const id = ++instances;
        instance = { id, state: await fn.init(deps) };
      }
      try {
        return await fn.handle(instance.state, structuredClone(event), { requestId: `req-${++requests}`, instanceId: instance.id });
      } finally {
        idle.push(instance);
      }
    },
    /** Scale to zero: every instance is gone, and the next invocation starts cold. */
    recycle(): void {
      idle.length = 0;
    },
  };
}

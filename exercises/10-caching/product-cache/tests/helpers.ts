import type { Db } from "@roadlab/db";
import type { CacheRedis } from "../redis";

/** A Db that counts the statements sent through it and can run a hook before an UPDATE. */
export function countingDb(inner: Db, log: string[] = []) {
  const state = { statements: 0, beforeUpdate: undefined as undefined | (() => Promise<void>) };
  const db: Db = {
    query: async (sql, params) => {
      state.statements++;
      if (/^\s*update\b/i.test(sql) && state.beforeUpdate) {
        const hook = state.beforeUpdate;
        state.beforeUpdate = undefined;
        await hook();
      }
      const result = await inner.query(sql, params);
      log.push(`sql:${sql.trim().split(/\s+/)[0].toUpperCase()}`);
      return result;
    },
    exec: (sql) => {
      state.statements++;
      return inner.exec(sql);
    },
    transaction: (fn) => inner.transaction(fn),
  };
  return { db, state };
}

/** Redis as during an outage: every command rejects. */
export function brokenRedis(): CacheRedis {
  const fail = () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6379"), { code: "ECONNREFUSED" }));
  return { get: fail, set: fail, del: fail, hincrby: fail, hgetall: fail };
}

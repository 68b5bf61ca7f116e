/**
 * A connection pool of size one. Read-only: the tests wrap the database in it before they hand it
 * to `createApp`, so concurrent requests queue for the connection as they would for a busy pool.
 *
 * PGlite is a single connection, and a transaction holds it until it ends. Queued here, each query
 * and each transaction runs alone and in arrival order; the statements of different requests still
 * interleave between your `await`s, exactly where a race between requests can happen.
 */
import type { Db } from "@roadlab/db";

/** A call that waits this long for the connection is stuck behind itself (see the message). */
const STUCK_MS = 5000;

export function onePool(db: Db): Db {
  let tail: Promise<unknown> = Promise.resolve();
  const queued = <T>(what: string, run: () => Promise<T>): Promise<T> => {
    const result = new Promise<T>((resolve, reject) => {
      let gaveUp = false;
      const stuck = setTimeout(() => {
        gaveUp = true;
        reject(new Error(`${what} waited ${STUCK_MS} ms for the connection: inside db.transaction(async (tx) => …) use tx.query, not db.query`));
      }, STUCK_MS);
      void tail.then(() => {
        clearTimeout(stuck);
        return gaveUp ? undefined : run().then(resolve, reject);
      });
    });
    tail = result.catch(() => undefined);
    return result;
  };
  return {
    query: (sql, params) => queued("db.query", () => db.query(sql, params)),
    exec: (sql) => queued("db.exec", () => db.exec(sql)),
    transaction: (fn) => queued("db.transaction", () => db.transaction(fn)),
  };
}

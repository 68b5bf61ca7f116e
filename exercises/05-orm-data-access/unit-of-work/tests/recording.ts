import type { Db } from "@roadlab/db";

export interface Statement {
  sql: string;
  params: unknown[];
  /** true when it ran inside db.transaction. */
  inTransaction: boolean;
}

/** The same database, recording every statement sent through query/exec, in a transaction or not. */
export function recording(inner: Db): { db: Db; statements: Statement[] } {
  const statements: Statement[] = [];
  const record = (sql: string, params: unknown[] | undefined, inTransaction: boolean) =>
    statements.push({ sql: sql.replace(/\s+/g, " ").trim(), params: params ?? [], inTransaction });
  const wrapTx = <T extends object>(tx: T): T =>
    new Proxy(tx, {
      get(target, key) {
        const value = Reflect.get(target, key);
        if (typeof value !== "function") return value;
        if (key === "query" || key === "exec" || key === "sql") {
          return (...args: unknown[]) => {
            record(String(args[0]), args[1] as unknown[] | undefined, true);
            return value.apply(target, args);
          };
        }
        return value.bind(target);
      },
    });
  const db: Db = {
    query: (sql, params) => {
      record(sql, params, false);
      return inner.query(sql, params);
    },
    exec: (sql) => {
      record(sql, [], false);
      return inner.exec(sql);
    },
    transaction: (fn) => inner.transaction((tx) => fn(wrapTx(tx))),
  };
  return { db, statements };
}

export async function productRow(db: Db, id: number) {
  const { rows } = await db.query<{ name: string; price_cents: number; stock: number; version: number }>(
    "SELECT name, price_cents, stock, version FROM products WHERE id = $1",
    [id],
  );
  return rows[0] ?? null;
}

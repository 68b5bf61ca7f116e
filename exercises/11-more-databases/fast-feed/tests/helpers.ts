import { expect } from "vitest";
import type { Db } from "@roadlab/db";

export interface Sent {
  sql: string;
  params?: unknown[];
  rows: number;
}

/** A Db that remembers every statement and how many rows it returned. */
export function recording(inner: Db): { db: Db; sent: Sent[] } {
  const sent: Sent[] = [];
  const db: Db = {
    query: async (sql, params) => {
      const result = await inner.query(sql, params);
      sent.push({ sql, params, rows: result.rows.length });
      return result;
    },
    exec: async (sql) => {
      const results = await inner.exec(sql);
      sent.push({ sql, rows: results.reduce((n, r) => n + r.rows.length, 0) });
      return results;
    },
    transaction: (fn) => inner.transaction(fn),
  };
  return { db, sent };
}

export interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  Plans?: PlanNode[];
}

/** EXPLAIN (ANALYZE) of a recorded statement: every node, and the text plan for messages. */
export async function explain(db: Db, { sql, params }: Sent): Promise<{ nodes: PlanNode[]; text: string }> {
  const body = sql.trim().replace(/;\s*$/, "");
  const json = await db.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${body}`, params);
  const text = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN ${body}`, params);
  const nodes: PlanNode[] = [];
  const walk = (node: PlanNode) => {
    nodes.push(node);
    node.Plans?.forEach(walk);
  };
  walk(json.rows[0]["QUERY PLAN"][0].Plan);
  return { nodes, text: `\n${text.rows.map((r) => r["QUERY PLAN"]).join("\n")}\n` };
}

/** The one SELECT on posts the call sent. */
export function theSelect(sent: Sent[]): Sent {
  const selects = sent.filter((s) => /^\s*(select|with)\b/i.test(s.sql) && /\bposts\b/i.test(s.sql));
  expect(selects.length, "expected one SELECT … FROM posts through db.query").toBeGreaterThan(0);
  return selects[selects.length - 1];
}

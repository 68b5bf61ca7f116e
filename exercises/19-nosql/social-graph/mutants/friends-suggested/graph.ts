import type { Db } from "@roadlab/db";
import { GraphError } from "./errors";

export interface Suggestion {
  id: number;
  name: string;
  mutual: number;
}

export interface Circle {
  depth: number;
  count: number;
}

/** Every friendship in both directions: the edge list a traversal walks. */
const EDGES = `edges (src, dst) AS (SELECT a, b FROM friendships UNION ALL SELECT b, a FROM friendships)`;

function checkDepth(maxDepth: number): void {
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 6) throw new GraphError("maxDepth: expected an integer from 1 to 6");
}

/** People two steps away who are not already friends, with how many friends they share. */
export async function friendsOfFriends(db: Db, personId: number): Promise<Suggestion[]> {
  const { rows } = await db.query<Suggestion>(
    `WITH ${EDGES}
     SELECT p.id, p.name, count(*)::int AS mutual
     FROM edges f
     JOIN edges fof ON fof.src = f.dst
     JOIN people p ON p.id = fof.dst
     WHERE f.src = $1
       AND fof.dst <> $1
     GROUP BY p.id, p.name
     ORDER BY mutual DESC, p.name, p.id`,
    [personId],
  );
  return rows;
}

/** The shortest chain of friendships, as ids from `from` to `to`; among equals, the smallest id array. */
export async function shortestPath(db: Db, from: number, to: number, maxDepth = 6): Promise<number[] | null> {
  checkDepth(maxDepth);
  const { rows } = await db.query<{ path: number[] }>(
    `WITH RECURSIVE ${EDGES},
     walk (id, path) AS (
       SELECT $1::int, ARRAY[$1::int]
       UNION ALL
       SELECT e.dst, w.path || e.dst
       FROM walk w JOIN edges e ON e.src = w.id
       WHERE w.id <> $2 AND cardinality(w.path) <= $3 AND e.dst <> ALL (w.path)
     )
     SELECT path FROM walk WHERE id = $2 ORDER BY cardinality(path), path LIMIT 1`,
    [from, to, maxDepth],
  );
  return rows[0]?.path ?? null;
}

/** How many people are 1, 2, … maxDepth steps away, each counted at their shortest distance only. */
export async function circles(db: Db, personId: number, maxDepth = 3): Promise<Circle[]> {
  checkDepth(maxDepth);
  const { rows } = await db.query<Circle>(
    `WITH RECURSIVE ${EDGES},
     walk (id, depth, path) AS (
       SELECT $1::int, 0, ARRAY[$1::int]
       UNION ALL
       SELECT e.dst, w.depth + 1, w.path || e.dst
       FROM walk w JOIN edges e ON e.src = w.id
       WHERE w.depth < $2 AND e.dst <> ALL (w.path)
     ),
     nearest AS (SELECT id, min(depth) AS depth FROM walk WHERE id <> $1 GROUP BY id)
     SELECT depth, count(*)::int AS count FROM nearest GROUP BY depth ORDER BY depth`,
    [personId, maxDepth],
  );
  return rows;
}

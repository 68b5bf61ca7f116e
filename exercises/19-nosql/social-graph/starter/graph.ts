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

/** People two steps away who are not already friends, with how many friends they share. One statement. */
export async function friendsOfFriends(db: Db, personId: number): Promise<Suggestion[]> {
  // TODO: both directions of each friendship; exclude the person and their friends
  throw new Error("not implemented");
}

/** The shortest chain of friendships, as ids from `from` to `to`, or null. One statement. */
export async function shortestPath(db: Db, from: number, to: number, maxDepth = 6): Promise<number[] | null> {
  // TODO: WITH RECURSIVE, carrying the path so far
  throw new Error("not implemented");
}

/** How many people are 1, 2, … maxDepth steps away. One statement. */
export async function circles(db: Db, personId: number, maxDepth = 3): Promise<Circle[]> {
  // TODO
  throw new Error("not implemented");
}

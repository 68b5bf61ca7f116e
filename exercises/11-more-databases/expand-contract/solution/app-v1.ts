import type { Db } from "@roadlab/db";

/** Read-only: the application as deployed today. It knows only `fullname`. */
export interface UserV1 {
  id: number;
  email: string;
  fullname: string;
}

export async function createUser(db: Db, email: string, fullname: string): Promise<UserV1> {
  const { rows } = await db.query<UserV1>(
    "INSERT INTO users (email, fullname) VALUES ($1, $2) RETURNING id, email, fullname",
    [email, fullname],
  );
  return rows[0];
}

export async function renameUser(db: Db, id: number, fullname: string): Promise<void> {
  await db.query("UPDATE users SET fullname = $2 WHERE id = $1", [id, fullname]);
}

export async function getUser(db: Db, id: number): Promise<UserV1 | undefined> {
  const { rows } = await db.query<UserV1>("SELECT id, email, fullname FROM users WHERE id = $1", [id]);
  return rows[0];
}

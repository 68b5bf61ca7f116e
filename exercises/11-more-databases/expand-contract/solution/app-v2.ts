import type { Db } from "@roadlab/db";

/** Read-only: the next version of the application. It knows only `display_name`. */
export interface UserV2 {
  id: number;
  email: string;
  displayName: string;
}

const COLUMNS = `id, email, display_name AS "displayName"`;

export async function createUser(db: Db, email: string, displayName: string): Promise<UserV2> {
  const { rows } = await db.query<UserV2>(
    `INSERT INTO users (email, display_name) VALUES ($1, $2) RETURNING ${COLUMNS}`,
    [email, displayName],
  );
  return rows[0];
}

export async function renameUser(db: Db, id: number, displayName: string): Promise<void> {
  await db.query("UPDATE users SET display_name = $2 WHERE id = $1", [id, displayName]);
}

export async function getUser(db: Db, id: number): Promise<UserV2 | undefined> {
  const { rows } = await db.query<UserV2>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return rows[0];
}

// Given, read-only: the user table. Emails are stored trimmed and lowercased.

export interface UserRow {
  email: string;
  name: string;
  /** "sha256$<hex>" (the legacy scheme) or "pbkdf2-sha256$<iterations>$<salt>$<hash>". */
  passwordHash: string;
}

export type Users = Map<string, UserRow>;

export function createUsers(rows: UserRow[] = []): Users {
  return new Map(rows.map((row) => [row.email, { ...row }]));
}

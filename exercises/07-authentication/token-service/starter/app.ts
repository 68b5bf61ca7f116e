import { Hono } from "hono";
import { requireRole, type Env } from "./guard";
import { dummyHash, hashPassword, timingSafeEqual, verifyPassword } from "./passwords";
import { findUserByEmail, toPublic, type AuthConfig, type Store } from "./store";
import { newRefreshToken, sha256Hex, signAccessToken } from "./tokens";

// Remove these once you use them all.
void [dummyHash, hashPassword, timingSafeEqual, verifyPassword, findUserByEmail, toPublic, newRefreshToken, sha256Hex, signAccessToken];

export function createApp(config: AuthConfig, store: Store) {
  const app = new Hono<Env>();
  const todo = () => new Response(JSON.stringify({ error: "not implemented" }), { status: 501 });

  // TODO: { email, password } → 201 the public user (role "user"); 400 invalid_request; 409 email_taken.
  app.post("/register", todo);

  // TODO: { email, password } → 200 a token response with a refresh token in a new family; 401 invalid_credentials.
  app.post("/login", todo);

  // TODO: form-encoded; grant_type=refresh_token (rotation, reuse detection) or client_credentials (HTTP Basic).
  app.post("/token", todo);

  // TODO: roles user and admin → the public user.
  app.get("/me", requireRole(config, "user", "admin"), todo);

  // TODO: admins only → { users: [...] }.
  app.get("/admin/users", todo);

  // TODO: admins only; { role: "user" | "admin" }.
  app.put("/admin/users/:id/role", todo);

  // TODO: roles service and admin → { users: <count> }.
  app.get("/metrics", todo);

  void store;
  return app;
}

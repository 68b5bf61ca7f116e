// The build context: the files `docker build .` sends to the builder (read-only).
// The app compiles src/ to dist/ with `npm run build`; `node dist/server.js` listens on port 3000
// and `node dist/healthcheck.js` exits 0 when GET /health answers 200.
export const contextFiles: readonly string[] = [
  ".dockerignore",
  ".env",
  ".env.example",
  ".git/HEAD",
  "node_modules/hono/package.json",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "src/server.ts",
  "src/healthcheck.ts",
  "src/db.ts",
  "src/cache.ts",
];

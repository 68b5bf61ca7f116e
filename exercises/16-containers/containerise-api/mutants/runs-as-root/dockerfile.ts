// The Dockerfile and .dockerignore at the root of the build context.
export const dockerfile = `
# syntax=docker/dockerfile:1

# Build stage: dev dependencies and the TypeScript compiler live only here.
FROM node:22-alpine AS build
WORKDIR /app
# The lockfile first: this layer and npm ci stay cached until a dependency changes.
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json ./
COPY src ./src
RUN npm run build

# Runtime stage: production dependencies and the compiled output, run as the image's "node" user.
FROM node:22-alpine
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD ["node", "dist/healthcheck.js"]
CMD ["node", "dist/server.js"]
`;

export const dockerignore = `
node_modules
.env
.git
dist
`;

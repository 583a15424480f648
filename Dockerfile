# syntax=docker/dockerfile:1
# One image for every provnews service (crawler, cleaner, extractor, dashboard, the CLI), built once:
#   docker build -t provnews:local .      (docker compose builds it once as well, see docker-compose.yml)
# Stage 1 compiles the TypeScript (npm ci runs the root `prepare` script: scripts/build.mjs → dist/).
# Stage 2 keeps the compiled JavaScript and production dependencies only, and runs as the `node` user.
ARG NODE_IMAGE=node:20.20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json tsconfig.json ./
COPY scripts ./scripts
COPY packages ./packages
COPY services ./services
RUN npm ci --no-audit --no-fund
# Production tree: package.json files + dist/, production dependencies only. The test helpers'
# workspace (testcontainers, vitest) goes first, or npm would install it as a workspace; TypeScript
# is only an optional peer of a dashboard dependency; the TypeScript sources are not needed at run time.
RUN rm -rf node_modules packages/testing \
 && npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/typescript \
 && find packages services -mindepth 2 -maxdepth 2 -type d -name src -exec rm -rf {} + \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PROVNEWS_DATA_DIR=/data \
    PROVNEWS_REGISTRY=/config/portals.yaml \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/packages ./packages
COPY --from=build /app/services ./services
# The registry is not baked in: mount it at /config (docker-compose.yml mounts ./config read-only).
RUN mkdir -p /data /config && chown node:node /data
USER node
# Exec form: node itself receives SIGTERM and drains its workers (compose adds an init as PID 1).
CMD ["node", "services/cli/bin/provnews.js", "run"]

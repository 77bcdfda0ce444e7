# copnet as a container: built from this checkout, run with `node dist/src/run-cli.js`.
# docker-compose.yml wires it to Neo4j; alone it serves on the embedded SQLite store in /app/data.

# --- build: all dependencies, compile TypeScript, then drop the dev dependencies ---
FROM node:24-slim AS build
WORKDIR /app
# better-sqlite3 is native: npm ci fetches a prebuilt binary, and compiles with these when none fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` (npm run build) needs the sources, copied below; better-sqlite3's own
# install step is then run by name.
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY . .
# Compiles the server and builds the dashboard into dist/web, then drops the dev dependencies.
RUN npm run build && npm prune --omit=dev

# --- run: production dependencies, compiled code and the Cypher files only ---
FROM node:24-slim
# MALLOC_ARENA_MAX=2: glibc keeps fewer per-thread malloc pools for the metric worker threads (~100 MB less RSS).
# COPNET_AUTH=on: the image listens on all interfaces, so every request needs a token (the first
# start prints an admin token once: `docker logs <container>`); turning auth off is refused on 0.0.0.0.
ENV NODE_ENV=production \
    MALLOC_ARENA_MAX=2 \
    HOST=0.0.0.0 \
    COPNET_AUTH=on \
    PORT=4000 \
    COPNET_DB_PATH=/app/data/copnet.db
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The Neo4j adapter reads its statements and migrations from cypher/ next to package.json.
COPY --from=build /app/cypher ./cypher
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
CMD ["node", "dist/src/run-cli.js"]

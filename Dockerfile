# Multi-stage build: compile TypeScript once, ship only production dependencies. The benchmark is
# not part of the image (tsconfig.build.json leaves bench/ out; `npm run bench` builds it apart).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY migrations migrations
COPY scripts scripts
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
EXPOSE 3000
USER node
CMD ["node", "--import", "./dist/src/telemetry/register.js", "dist/src/main.js"]

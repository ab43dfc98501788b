# The API and scheduler image: the official Node 24 image, production dependencies only.
# Node 24 runs the TypeScript sources directly (type stripping); there is no build step.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY config ./config
COPY db ./db
COPY probes ./probes
COPY services ./services
COPY workers ./workers
USER node
EXPOSE 8080
ENTRYPOINT ["node", "services/main.ts"]
CMD ["api"]

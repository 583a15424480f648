FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages ./packages
COPY services ./services
COPY config ./config
RUN npm ci --no-audit --no-fund
ENV NODE_ENV=production
CMD ["npx", "provnews", "run"]

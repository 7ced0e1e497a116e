// End-to-end tests drive Debian's Chromium (`npx playwright install` cannot
// download a browser here) against the real `npm start` stack. npm test
// (scripts/test.ts) creates a fresh database and passes it as E2E_DATABASE_URL.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? "3100");
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) {
  throw new Error("E2E_DATABASE_URL is not set: run the end-to-end tests through `npm test` (scripts/test.ts).");
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: "node_modules/.bin/tsx scripts/start.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NEXTAUTH_SECRET: "e2e-test-secret-0123456789abcdefghijklmnop",
      NEXTAUTH_URL: `http://localhost:${port}`,
      ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL ?? "admin-e2e@example.org",
      // Every spec signs up its students from this one address.
      SIGNUPS_PER_ADDRESS: "500",
    },
  },
});

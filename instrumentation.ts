// Runs once when the Next.js server starts: a missing or malformed
// environment variable stops the web app here, with a readable message,
// instead of failing at the first request that needs it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  getEnv();
}

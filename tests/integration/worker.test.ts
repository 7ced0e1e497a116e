// The grader worker as its own process: it connects, reports ready, beats,
// and on SIGTERM stops cleanly and removes its heartbeat.
import { spawn } from "node:child_process";
import { hostname } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { migrateQueue } from "@/lib/queue/queue";

describe("grader worker process", () => {
  it("starts, beats, and stops cleanly on SIGTERM", async () => {
    await migrateQueue(process.env.DATABASE_URL ?? "");
    const worker = spawn(path.join("node_modules", ".bin", "tsx"), ["grader/worker.ts"], {
      env: { ...process.env, GRADER_CONCURRENCY: "1", WORKER_HEARTBEAT_SECONDS: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    worker.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => worker.on("exit", (code) => resolve(code)));

    await expect.poll(() => output, { timeout: 30_000, interval: 100 }).toMatch(/ready: concurrency 1, queue connected/);
    const beats = await prisma.workerHeartbeat.findMany();
    expect(beats).toHaveLength(1);
    expect(beats[0]).toMatchObject({ hostname: hostname(), pid: expect.any(Number) as number });
    const firstBeat = beats[0]?.lastSeenAt.getTime() ?? 0;
    await expect
      .poll(async () => (await prisma.workerHeartbeat.findFirst())?.lastSeenAt.getTime() ?? 0, { timeout: 5_000 })
      .toBeGreaterThan(firstBeat);

    worker.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toMatch(/stopped/);
    expect(await prisma.workerHeartbeat.count()).toBe(0);
  });

  it("refuses to start with a readable message when the environment is invalid", async () => {
    const worker = spawn(path.join("node_modules", ".bin", "tsx"), ["grader/worker.ts"], {
      env: { PATH: process.env.PATH, NODE_ENV: "test", DATABASE_URL: "mysql://nope", GRADER_CONCURRENCY: "lots" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    worker.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => worker.on("exit", (exitCode) => resolve(exitCode)));
    expect(code).toBe(1);
    expect(output).toMatch(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(output).toMatch(/GRADER_CONCURRENCY: /);
    expect(output).not.toMatch(/NEXTAUTH_SECRET/);
  });
});

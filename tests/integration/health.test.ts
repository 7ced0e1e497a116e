import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { prisma } from "@/lib/db/client";
import { migrateQueue } from "@/lib/queue/queue";

type Health = { status: string; database: { status: string }; queue: { status: string; workersAlive?: number; problem?: { "zh-CN": string; en: string } } };

describe("GET /api/health", () => {
  it("is degraded (503) until the queue is installed and a worker is alive, then ok (200)", async () => {
    let response = await GET();
    let body = (await response.json()) as Health;
    expect(response.status).toBe(503);
    expect(body.database.status).toBe("ok");
    expect(body.queue).toMatchObject({ status: "error" });
    expect(body.queue.problem?.en).toBe("The grading queue is not installed: start a grader worker (npm run worker).");
    expect(body.queue.problem?.["zh-CN"]).toContain("评测队列还没有安装");
    expect(JSON.stringify(body)).not.toContain("graphile");
    expect(response.headers.get("cache-control")).toBe("no-store");

    await migrateQueue(process.env.DATABASE_URL ?? "");
    body = (await (await GET()).json()) as Health;
    expect(body.queue).toMatchObject({ status: "ok", workersAlive: 0 });

    await prisma.workerHeartbeat.create({ data: { id: "test-worker", hostname: "test", pid: 1 } });
    await prisma.workerHeartbeat.create({
      data: { id: "dead-worker", hostname: "test", pid: 2, lastSeenAt: new Date(Date.now() - 3_600_000) },
    });
    response = await GET();
    body = (await response.json()) as Health;
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ status: "ok", database: { status: "ok" }, queue: { status: "ok", workersAlive: 1 } });
  });
});

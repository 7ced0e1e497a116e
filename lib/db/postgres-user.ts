/**
 * PostgreSQL refuses to run as root. When we are root, the embedded cluster
 * runs as the `postgres` system user, which must be able to reach its
 * binaries and its data directory. A project cloned into a folder only root
 * can enter (/root is mode 0700) gives it neither, so both move to a shared
 * place that user can reach (SHARED_POSTGRES_DIR, default /var/lib/awaitable),
 * and the data directory keeps a symlink to where its cluster went.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { chmod, chown, cp, mkdir, readFile, rename, rm, symlink } from "node:fs/promises";
import path from "node:path";

export type PostgresUser = { uid: number; gid: number };

export function sharedPostgresDirectory(): string {
  return process.env.SHARED_POSTGRES_DIR ?? "/var/lib/awaitable";
}

/** The `postgres` user when we are root (created if the machine has none), else null: we run it ourselves. */
export function postgresUser(): PostgresUser | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", "postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

/**
 * Whether `user` can enter every folder on the way to `target` (not `target`
 * itself). Mode bits only: a folder reachable through an ACL alone counts as
 * unreachable, which costs a copy, never a failure.
 */
export function canTraverseTo(user: PostgresUser, target: string): boolean {
  let folder = path.dirname(path.resolve(target));
  for (;;) {
    if (existsSync(folder)) {
      const stat = statSync(folder);
      const bit = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
      if ((stat.mode & bit) === 0) return false;
    }
    const parent = path.dirname(folder);
    if (parent === folder) return true;
    folder = parent;
  }
}

async function sharedFolder(...parts: string[]): Promise<string> {
  let folder = sharedPostgresDirectory();
  for (const part of ["", ...parts]) {
    folder = part ? path.join(folder, part) : folder;
    await mkdir(folder, { recursive: true });
    await chmod(folder, 0o755);
  }
  return folder;
}

/**
 * The binaries' folder (bin, lib, share) as `user` can run them: the npm
 * package's own, or a copy of it in the shared folder, one per version.
 */
export async function reachableBinaries(nativeDirectory: string, user: PostgresUser | null): Promise<string> {
  if (!user || canTraverseTo(user, path.join(nativeDirectory, "bin", "postgres"))) return nativeDirectory;
  const source = realpathSync(nativeDirectory);
  const manifest = JSON.parse(await readFile(path.join(source, "..", "package.json"), "utf8")) as { version?: string };
  const target = path.join(await sharedFolder(), `postgres-${manifest.version ?? "unknown"}`);
  if (existsSync(path.join(target, "bin", "postgres"))) return target;
  const staging = `${target}.${process.pid}.tmp`;
  await rm(staging, { recursive: true, force: true });
  await cp(source, staging, { recursive: true, verbatimSymlinks: true });
  await chmod(staging, 0o755);
  await rename(staging, target).catch(async (error: unknown) => {
    // Another process of ours copied it first: theirs is as good.
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(path.join(target, "bin", "postgres"))) throw error;
  });
  return target;
}

/**
 * The cluster folder `user` can own and enter: `<dataDir>/cluster` itself,
 * or a folder in the shared place named after the data directory, with
 * `<dataDir>/cluster` a symlink to it (an existing cluster is moved there).
 */
export async function reachableCluster(dataDir: string, user: PostgresUser | null): Promise<string> {
  const clusterDir = path.join(dataDir, "cluster");
  if (!user) return clusterDir;
  if (canTraverseTo(user, path.join(clusterDir, "PG_VERSION"))) return ownedBy(user, clusterDir);
  const name = createHash("sha256").update(realpathSync(dataDir)).digest("hex").slice(0, 16);
  const target = path.join(await sharedFolder("clusters"), name);
  const existing = lstatSync(clusterDir, { throwIfNoEntry: false });
  if (existing?.isSymbolicLink() && readlinkSync(clusterDir) === target) return target;
  if (existsSync(target)) {
    // Left by an earlier project folder at this path, since removed (with
    // the credentials it was made with): moved aside, never reused.
    await rename(target, `${target}.orphaned-${new Date().toISOString().replace(/[:.]/g, "-")}`);
  }
  if (existing?.isDirectory() && existsSync(path.join(clusterDir, "PG_VERSION"))) {
    execFileSync("cp", ["-a", clusterDir, target]);
  }
  await rm(clusterDir, { recursive: true, force: true });
  await symlink(target, clusterDir);
  return ownedBy(user, target);
}

/** initdb as `user` needs its folder to exist and be its own (the data directory above it is root's). */
async function ownedBy(user: PostgresUser, cluster: string): Promise<string> {
  if (!existsSync(path.join(cluster, "PG_VERSION"))) {
    await mkdir(cluster, { recursive: true, mode: 0o700 });
    await chown(cluster, user.uid, user.gid);
  }
  return cluster;
}

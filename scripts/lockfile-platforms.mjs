// `npm run lockfile:platforms`: records in package-lock.json the optional
// packages built for other platforms (darwin, win32, linux-arm64, ...). This
// project's registry serves only the linux-x64 ones, so npm leaves the others
// out of the lockfile, and then `npm ci` refuses the lockfile. Their entries
// name only version, os and cpu: npm ci skips them on this platform. Run it
// after adding a dependency (scripts/lockfile.test.ts fails until you do).
import { readFileSync, writeFileSync } from "node:fs";
const file = process.argv[2] ?? "package-lock.json";
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;
const osNames = ["darwin", "win32", "android", "freebsd", "openharmony", "linux"];
const cpus = ["arm64", "x64", "ia32", "loong64", "ppc64", "riscv64", "s390x", "arm"];
let added = 0;
for (const [key, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${key ? key + "/" : ""}node_modules/${name}`;
    if (packages[`node_modules/${name}`] || packages[nested]) continue;
    const tokens = name.split("/").pop().split("-");
    const os = osNames.find((candidate) => tokens.includes(candidate));
    const cpu = cpus.find((candidate) => tokens.includes(candidate));
    if (!os || !cpu || !/^\d+\.\d+\.\d+/.test(spec)) { console.error("skip", name, spec); continue; }
    const stub = { version: spec, dev: entry.dev || undefined, optional: true, os: [os], cpu: [cpu] };
    if (tokens.includes("musl") || tokens.includes("musleabihf")) stub.libc = ["musl"];
    else if (os === "linux" && tokens.some((token) => token.startsWith("gnu"))) stub.libc = ["glibc"];
    packages[`node_modules/${name}`] = stub;
    added += 1;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log("added", added);

/**
 * Password hashing with scrypt (memory-hard, in Node's standard library).
 * Stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later while
 * old hashes still verify.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

const scrypt = (password: string, salt: Buffer, keyLength: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => {
    scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });

const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;
// scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is just too small.
const maxmem = (cost: number, blockSize: number) => 128 * cost * blockSize * 2;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, {
    N: COST,
    r: BLOCK_SIZE,
    p: PARALLELISM,
    maxmem: maxmem(COST, BLOCK_SIZE),
  });
  return ["scrypt", COST, BLOCK_SIZE, PARALLELISM, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algorithm, cost, blockSize, parallelism, salt, hash] = stored.split("$");
  if (algorithm !== "scrypt" || !cost || !blockSize || !parallelism || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const N = Number(cost);
  const r = Number(blockSize);
  const actual = await scrypt(password, Buffer.from(salt, "base64"), expected.length, {
    N,
    r,
    p: Number(parallelism),
    maxmem: maxmem(N, r),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so response time does not reveal whether an email exists. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password");
  await verifyPassword(password, await dummyHash);
}

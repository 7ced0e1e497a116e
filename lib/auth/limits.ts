/**
 * The rate limits of accounts (lib/http/rate-limit.ts buckets): sign-in
 * attempts per account and per address, checked before the password is
 * hashed (a refused attempt costs no scrypt), and sign-ups per address. A
 * successful sign-in forgives the account's failed attempts.
 *
 * The address is the last entry of X-Forwarded-For: the one the nearest proxy
 * saw (nginx's proxy_add_x_forwarded_for appends it), or, with no proxy, the
 * socket's address that Next.js puts there. README, "Rate limits".
 */
import { bilingual } from "../i18n/messages";
import { refill, spendOrThrow, type Bucket } from "../http/rate-limit";

const number = (name: string, fallback: number) => Number(process.env[name] ?? "") || fallback;

/** 5 attempts, then one a minute: a guessed password needs years, a forgotten one a minute. */
export const signInAccountBucket = (): Bucket => ({ capacity: number("SIGNIN_ATTEMPTS_PER_ACCOUNT", 5), perSecond: 1 / 60 });
/** 30 attempts, then one every 10 s, from one address over every account. */
export const signInAddressBucket = (): Bucket => ({ capacity: number("SIGNIN_ATTEMPTS_PER_ADDRESS", 30), perSecond: 1 / 10 });
/** 10 accounts, then one every 6 minutes, from one address. */
export const signUpAddressBucket = (): Bucket => ({ capacity: number("SIGNUPS_PER_ADDRESS", 10), perSecond: 1 / 360 });

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

export function clientAddress(headers: HeaderSource): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").map((part) => part.trim()).filter(Boolean).pop();
  return last ? last.slice(0, 64) : "unknown";
}

const accountKey = (email: string) => `signin:account:${email.trim().toLowerCase()}`;

export async function limitSignIn(email: string, address: string): Promise<void> {
  await spendOrThrow(
    [
      { key: accountKey(email), bucket: signInAccountBucket() },
      { key: `signin:address:${address}`, bucket: signInAddressBucket() },
    ],
    (seconds) => bilingual("error.signInRateLimited", () => ({ seconds })),
  );
}

export async function forgiveSignIn(email: string): Promise<void> {
  await refill(accountKey(email));
}

export async function limitSignUp(address: string): Promise<void> {
  await spendOrThrow([{ key: `signup:address:${address}`, bucket: signUpAddressBucket() }], (seconds) =>
    bilingual("error.signUpRateLimited", () => ({ seconds })),
  );
}

/**
 * Join codes: unguessable (8 characters from 31: about 8.5 × 10¹¹ codes,
 * and joining is rate limited) and easy to read aloud or type from a
 * projector, so the alphabet leaves out 0/O, 1/I/L. What a student types is
 * compared without case, spaces or dashes.
 */
import { randomInt } from "node:crypto";

export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 8;

export function generateJoinCode(random: (max: number) => number = randomInt): string {
  let code = "";
  for (let index = 0; index < JOIN_CODE_LENGTH; index += 1) code += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** "abcd-efgh ", "ABCD EFGH" → "ABCDEFGH"; null when it cannot be a code at all. */
export function normaliseJoinCode(input: string): string | null {
  const code = input.replace(/[\s-]+/g, "").toUpperCase();
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const character of code) if (!JOIN_CODE_ALPHABET.includes(character)) return null;
  return code;
}

/** Shown as two groups of four, which people copy without slips. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

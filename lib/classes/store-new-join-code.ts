/**
 * Writes a fresh join code with `write`, drawing again on the rare unique
 * collision (31⁸ codes: a handful of retries is already beyond belief).
 */
import { AppError } from "../errors";
import { bilingual } from "../i18n/messages";
import { isUniqueViolation } from "./errors";
import { generateJoinCode } from "./join-code";

const ATTEMPTS = 5;

export async function storeNewJoinCode<T>(write: (code: string) => Promise<T>, draw: () => string = generateJoinCode): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write(draw());
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (attempt >= ATTEMPTS) throw new AppError("INTERNAL", bilingual("classes.error.codeGeneration"));
    }
  }
}

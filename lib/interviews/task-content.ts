/**
 * What an interview shows of a coding task: its title, prompt and starter
 * — never its hints nor its reference solution, which stay in the
 * exercise's content and are not read here.
 */
import { z } from "zod";
import { ZBilingual, type TBilingual } from "../content/schemas";

const DEFAULT_STARTER_CODE = "import asyncio\n\n\nasync def main():\n    ...\n\n\nasyncio.run(main())\n";

const ZTaskContent = z
  .object({
    prompt: ZBilingual.optional(),
    starter: z.union([ZBilingual, z.string().transform((starter) => ({ "zh-CN": starter, en: starter }))]).optional(),
    concepts: z.array(z.string()).default([]),
  })
  .loose();

export function starterOf(content: unknown): TBilingual {
  const starter = ZTaskContent.safeParse(content).data?.starter;
  return starter ? { "zh-CN": starter["zh-CN"], en: starter.en } : { "zh-CN": DEFAULT_STARTER_CODE, en: DEFAULT_STARTER_CODE };
}

export function promptOf(content: unknown): TBilingual {
  const prompt = ZTaskContent.safeParse(content).data?.prompt;
  return prompt ? { "zh-CN": prompt["zh-CN"], en: prompt.en } : { "zh-CN": "", en: "" };
}

export function conceptsOf(content: unknown): string[] {
  return ZTaskContent.safeParse(content).data?.concepts ?? [];
}

/** Left as it started (in either language): a task the candidate never attempted. */
export function isUntouched(code: string, content: unknown): boolean {
  const starter = starterOf(content);
  const trimmed = code.trim();
  return trimmed === "" || trimmed === starter["zh-CN"].trim() || trimmed === starter.en.trim();
}

/**
 * The parts of CourseItem.content (what content:sync stored from the item's
 * files, lib/content/load-content.ts) that pages read beside the item's own
 * text. Parsed on the way out of the database like any other boundary.
 */
import { z } from "zod";
import { ZDifficulty } from "../content/schemas";

export const ZItemSource = z.object({ tutorial: z.string(), section: z.string().nullable(), title: z.string() });

/** Difficulty exists for exercises only; content synced before a field existed lacks it. */
export const ZItemMeta = z.object({
  difficulty: ZDifficulty.nullable().catch(null),
  estimatedMinutes: z.number().int().positive().nullable().catch(null),
  concepts: z.array(z.string()).catch([]),
});

export type TItemMeta = z.infer<typeof ZItemMeta>;

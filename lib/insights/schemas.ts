/** The insights' query string (the page's GET form and the JSON route): an optional assignment and the teacher's time zone. */
import { z } from "zod";
import { resolveTimeZone } from "../progress/time-zone";

export const ZClassInsightsQuerySchema = z.object({
  assignment: z.union([z.literal(""), z.uuid()]).optional().transform((value) => value || null),
  tz: z.string().max(64).optional().transform((value) => resolveTimeZone(value)),
});
export type TClassInsightsQuery = z.infer<typeof ZClassInsightsQuerySchema>;

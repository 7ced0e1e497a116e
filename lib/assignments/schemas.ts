/**
 * The request schemas of assignments and extensions, shared by the teacher's
 * form, the route handlers and the tests. Dates cross the API as ISO 8601
 * strings with an offset ("2026-12-10T23:59:00+08:00"), so a date means the
 * same instant whatever time zone the server runs in.
 */
import { z } from "zod";
import { ZLatePenalty } from "./due-dates";

export const TITLE_MAX = 120;
export const ITEMS_MAX = 200;
export const PENALTY_STEPS_MAX = 10;

const ZInstant = z.iso.datetime({ offset: true, error: "assignments.error.invalidDate" }).transform((value) => new Date(value));

const ZTitle = z
  .string({ error: "assignments.error.titleRequired" })
  .trim()
  .min(1, { error: "assignments.error.titleRequired" })
  .max(TITLE_MAX, { error: "assignments.error.titleTooLong" });

const ZItemIds = z
  .array(z.uuid({ error: "assignments.error.unknownItem" }), { error: "assignments.error.noItems" })
  .min(1, { error: "assignments.error.noItems" })
  .max(ITEMS_MAX, { error: "assignments.error.tooManyItems" })
  .refine((ids) => new Set(ids).size === ids.length, { error: "assignments.error.duplicateItem" });

/** The same rules as ZLatePenalty (due-dates.ts), with messages for the teacher. */
const ZPenaltyRequest = z
  .array(
    z.object({
      afterHours: z.number({ error: "assignments.error.penaltyStep" }).min(0, { error: "assignments.error.penaltyStep" }).max(24 * 365, { error: "assignments.error.penaltyStep" }),
      percent: z.number({ error: "assignments.error.penaltyStep" }).min(0, { error: "assignments.error.penaltyStep" }).max(100, { error: "assignments.error.penaltyStep" }),
    }),
    { error: "assignments.error.penaltyStep" },
  )
  .max(PENALTY_STEPS_MAX, { error: "assignments.error.penaltyTooMany" })
  .refine((steps) => ZLatePenalty.safeParse(steps).success, { error: "assignments.error.penaltyOrder" });

const datesInOrder = (value: { opensAt?: Date; dueAt?: Date }) => !value.opensAt || !value.dueAt || value.opensAt < value.dueAt;
const datesIssue = { error: "assignments.error.dueBeforeOpens", path: ["dueAt"] };

export const ZCreateAssignmentRequestSchema = z
  .object({
    title: ZTitle,
    opensAt: ZInstant,
    dueAt: ZInstant,
    itemIds: ZItemIds,
    latePenalty: ZPenaltyRequest.default([]),
  })
  .refine(datesInOrder, datesIssue);
export type TCreateAssignmentRequest = z.infer<typeof ZCreateAssignmentRequestSchema>;

/** Every field optional; opens/due are checked against the stored ones by update-assignment too. */
export const ZUpdateAssignmentRequestSchema = z
  .object({
    title: ZTitle.optional(),
    opensAt: ZInstant.optional(),
    dueAt: ZInstant.optional(),
    itemIds: ZItemIds.optional(),
    latePenalty: ZPenaltyRequest.optional(),
  })
  .refine(datesInOrder, datesIssue);
export type TUpdateAssignmentRequest = z.infer<typeof ZUpdateAssignmentRequestSchema>;

export const ZSetExtensionRequestSchema = z.object({ dueAt: ZInstant });
export type TSetExtensionRequest = z.infer<typeof ZSetExtensionRequestSchema>;

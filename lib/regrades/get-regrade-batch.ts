/**
 * One regrade of a class as its teachers see it: progress, and for a
 * preview the counts and each student's old and new grading, with names.
 * Only students in the class now are shown (lib/access: a teacher sees the
 * work of the students enrolled now).
 */
import { AppError } from "../errors";
import { prisma } from "../db/client";
import { bilingual } from "../i18n/messages";
import { isUuid } from "../ids";
import { findTaughtClass, type Viewer } from "../access/access";
import { isChange } from "./compare-gradings";
import { ZPreviewSummary, type TGrading, type TPreviewCounts } from "./schemas";
import { batchSelect, type RegradeBatchView } from "./batch-view";

export type PreviewStudent = {
  userId: string;
  name: string;
  submissionId: string;
  old: TGrading;
  new: TGrading;
  changed: boolean;
};

export type RegradeBatchDetail = RegradeBatchView & { counts: TPreviewCounts | null; students: PreviewStudent[] };

export async function getRegradeBatch(viewer: Viewer, classId: string, batchId: string): Promise<RegradeBatchDetail> {
  const taught = await findTaughtClass(viewer, classId);
  const missing = () => new AppError("NOT_FOUND", bilingual("regrade.error.batchNotFound"));
  if (!isUuid(batchId)) throw missing();
  const batch = await prisma.regradeBatch.findFirst({ where: { id: batchId, classId: taught.id }, select: { ...batchSelect, summary: true } });
  if (!batch) throw missing();
  const { summary, ...view } = batch;
  const parsed = ZPreviewSummary.safeParse(summary);
  if (batch.mode !== "PREVIEW" || !parsed.success) return { ...view, counts: null, students: [] };
  const enrolled = await prisma.enrolment.findMany({
    where: { classId: taught.id, userId: { in: parsed.data.entries.map((entry) => entry.userId) } },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  const names = new Map(enrolled.map(({ user }) => [user.id, user.name ?? user.email]));
  const students = parsed.data.entries.flatMap((entry) => {
    const name = names.get(entry.userId);
    return name === undefined ? [] : [{ ...entry, name, changed: entry.new.verdict === "GRADER_ERROR" || isChange(entry) }];
  });
  return { ...view, counts: parsed.data.counts, students };
}

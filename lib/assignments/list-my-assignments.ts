/**
 * A student's assignments over every class they are enrolled in now: open,
 * upcoming and past due (by their own due date, extension included), each
 * item with their standing, what is late. The course map shows it; a
 * student sees only their own classes' assignments.
 */
import { prisma } from "../db/client";
import { itemHref } from "../catalogue/item-href";
import type { TBilingual } from "../content/schemas";
import { phaseOf, standOnAssignment, standOnItem, type ItemStanding, type Phase, type StudentStanding } from "./assignment-work";
import { effectiveDueAt, type TLatePenalty } from "./due-dates";
import { findAssignmentWork } from "./find-assignment-work";
import { readLatePenalty } from "./get-assignment";

export type MyAssignmentItem = { id: string; kind: "EXERCISE" | "QUIZ"; slug: string; href: string; title: TBilingual; standing: ItemStanding };

export type MyAssignment = {
  id: string;
  title: string;
  className: string;
  opensAt: Date;
  /** The student's own due date: their extension, else the assignment's. */
  dueAt: Date;
  assignmentDueAt: Date;
  extended: boolean;
  latePenalty: TLatePenalty;
  phase: Phase;
  items: MyAssignmentItem[];
  standing: StudentStanding;
};

export type MyAssignments = { open: MyAssignment[]; upcoming: MyAssignment[]; past: MyAssignment[] };

export async function listMyAssignments(userId: string, now = new Date()): Promise<MyAssignments> {
  const assignments = await prisma.assignment.findMany({
    where: { class: { archivedAt: null, enrolments: { some: { userId } } } },
    orderBy: [{ dueAt: "asc" }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      opensAt: true,
      dueAt: true,
      latePenalty: true,
      class: { select: { name: true } },
      extensions: { where: { userId }, select: { dueAt: true } },
      items: {
        where: { item: { archivedAt: null } },
        orderBy: { position: "asc" },
        select: {
          item: { select: { id: true, kind: true, slug: true, titleZh: true, titleEn: true } },
        },
      },
    },
  });
  const work = await findAssignmentWork([userId], [...new Set(assignments.flatMap((assignment) => assignment.items.map(({ item }) => item.id)))]);
  const mine: MyAssignment[] = assignments.map((assignment) => {
    const due = effectiveDueAt(assignment.dueAt, assignment.extensions[0]?.dueAt);
    const latePenalty = readLatePenalty(assignment.latePenalty);
    const items = assignment.items.flatMap(({ item }) =>
      item.kind === "LESSON"
        ? []
        : [
            {
              id: item.id,
              kind: item.kind,
              slug: item.slug,
              href: itemHref({ kind: item.kind, slug: item.slug }),
              title: { "zh-CN": item.titleZh, en: item.titleEn },
              standing: standOnItem(work.of(userId, item.id), due.dueAt, latePenalty),
            },
          ],
    );
    return {
      id: assignment.id,
      title: assignment.title,
      className: assignment.class.name,
      opensAt: assignment.opensAt,
      dueAt: due.dueAt,
      assignmentDueAt: assignment.dueAt,
      extended: due.extended,
      latePenalty,
      phase: phaseOf(assignment.opensAt, due.dueAt, now),
      items,
      standing: standOnAssignment(items.map((item) => item.standing), due.dueAt, now),
    };
  });
  const byDue = (a: MyAssignment, b: MyAssignment) => a.dueAt.getTime() - b.dueAt.getTime();
  return {
    open: mine.filter((assignment) => assignment.phase === "open").sort(byDue),
    upcoming: mine.filter((assignment) => assignment.phase === "upcoming").sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime()),
    past: mine.filter((assignment) => assignment.phase === "past").sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime()),
  };
}

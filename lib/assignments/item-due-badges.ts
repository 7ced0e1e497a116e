/**
 * What the course map marks on an item that belongs to the student's
 * assignments: late (done after its due date), overdue (not done, past its
 * due date), or due (not done yet; the earliest due date of the open
 * assignments holding it). Done on time and upcoming assignments: nothing.
 * Pure: it reads list-my-assignments' answer.
 */
import type { MyAssignments } from "./list-my-assignments";

export type ItemDueBadge = { state: "due" | "overdue" | "late"; dueAt: Date };

export function itemDueBadges(mine: MyAssignments): Map<string, ItemDueBadge> {
  const badges = new Map<string, ItemDueBadge>();
  const rank = { late: 3, overdue: 2, due: 1 } as const;
  const offer = (itemId: string, badge: ItemDueBadge) => {
    const current = badges.get(itemId);
    if (!current || rank[badge.state] > rank[current.state] || (badge.state === current.state && badge.dueAt < current.dueAt)) badges.set(itemId, badge);
  };
  for (const assignment of [...mine.open, ...mine.past]) {
    for (const item of assignment.items) {
      const { state } = item.standing;
      if (state === "late") offer(item.id, { state: "late", dueAt: assignment.dueAt });
      else if (state !== "done" && assignment.phase === "past") offer(item.id, { state: "overdue", dueAt: assignment.dueAt });
      else if (state !== "done") offer(item.id, { state: "due", dueAt: assignment.dueAt });
    }
  }
  return badges;
}

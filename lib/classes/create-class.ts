/** A teacher (or admin) opens a class of a course; they become its owner and it gets a join code. */
import { assertRole, TEACHING_ROLES, type Viewer } from "../access/access";
import { prisma } from "../db/client";
import { courseNotFound } from "./errors";
import type { TCreateClassRequest } from "./schemas";
import { storeNewJoinCode } from "./store-new-join-code";

export async function createClass(viewer: Viewer, request: TCreateClassRequest) {
  assertRole(viewer, TEACHING_ROLES);
  const course = await prisma.course.findUnique({ where: { id: request.courseId }, select: { id: true, archivedAt: true } });
  if (!course || course.archivedAt) throw courseNotFound();
  return storeNewJoinCode((joinCode) =>
    prisma.class.create({
      data: {
        name: request.name,
        courseId: course.id,
        joinCode,
        teachers: { create: { userId: viewer.id, role: "OWNER" } },
      },
      select: { id: true, name: true, courseId: true, joinCode: true, archivedAt: true },
    }),
  );
}

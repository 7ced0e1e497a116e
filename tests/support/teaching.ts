/**
 * Seed factories for the teacher's side, with overridable defaults: users of
 * each role, a class of a course with its teachers and students. They write
 * rows directly (like seed-exercise.ts), so a test of one feature does not
 * depend on another feature's domain functions.
 */
import { prisma } from "../../lib/db/client";
import { createUser } from "../../lib/users/create-user";
import type { TRole } from "../../lib/users/schemas";
import { sessionCookie } from "./requests";

export type SeededUser = { id: string; email: string; role: TRole; cookie: string };

export async function seedUser(options: { role?: TRole; name?: string; email?: string } = {}): Promise<SeededUser> {
  const role = options.role ?? "STUDENT";
  const email = options.email ?? `${role.toLowerCase()}-${crypto.randomUUID()}@example.org`;
  const user = await createUser({ email, password: "long enough", name: options.name });
  if (role !== "STUDENT") await prisma.user.update({ where: { id: user.id }, data: { role } });
  return { id: user.id, email, role, cookie: await sessionCookie(user.id) };
}

export async function seedClass(options: {
  courseId: string;
  owner: { id: string };
  coTeachers?: { id: string }[];
  students?: { id: string }[];
  name?: string;
  joinCode?: string | null;
}) {
  return prisma.class.create({
    data: {
      name: options.name ?? `Class ${crypto.randomUUID().slice(0, 8)}`,
      courseId: options.courseId,
      joinCode: options.joinCode === undefined ? crypto.randomUUID().slice(0, 8).toUpperCase() : options.joinCode,
      teachers: {
        create: [
          { userId: options.owner.id, role: "OWNER" as const },
          ...(options.coTeachers ?? []).map((teacher) => ({ userId: teacher.id, role: "CO_TEACHER" as const })),
        ],
      },
      enrolments: { create: (options.students ?? []).map((student) => ({ userId: student.id })) },
    },
  });
}

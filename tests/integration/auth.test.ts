import { describe, expect, it } from "vitest";
import { POST as signUp } from "@/app/api/users/route";
import { PUT as setRole } from "@/app/api/admin/users/[id]/role/route";
import { DELETE as endSessionsRoute } from "@/app/api/admin/users/[id]/sessions/route";
import { prisma } from "@/lib/db/client";
import { createUser } from "@/lib/users/create-user";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { authOptions } from "@/lib/auth/options";
import { findCurrentUser } from "@/lib/auth/current-user";
import { jsonRequest, routeContext, sessionCookie } from "../support/requests";

type ErrorBody = { error: { code: string; message: { "zh-CN": string; en: string }; issues?: { path: string; message: { "zh-CN": string; en: string } }[] } };

const signUpWith = (body: unknown) => signUp(jsonRequest("/api/users", { body }), routeContext({}));

describe("sign up", () => {
  it("creates a student account with a hashed password", async () => {
    const response = await signUpWith({ email: "  Ada@Example.ORG ", password: "correct horse", name: "Ada" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { user: { email: string; role: string } };
    expect(body.user).toMatchObject({ email: "ada@example.org", role: "STUDENT", name: "Ada" });
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|scrypt/);
    const stored = await prisma.user.findUniqueOrThrow({ where: { email: "ada@example.org" }, select: { passwordHash: true } });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.passwordHash).not.toContain("correct horse");
  });

  it("refuses a duplicate email, whatever its case, with 409 in both languages", async () => {
    await signUpWith({ email: "dup@example.org", password: "password-1" });
    const response = await signUpWith({ email: "DUP@example.org", password: "password-2" });
    expect(response.status).toBe(409);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("CONFLICT");
    expect(body.error.message["zh-CN"]).toContain("已被注册");
    expect(body.error.message.en).toContain("already registered");
    expect(await prisma.user.count({ where: { email: "dup@example.org" } })).toBe(1);
  });

  it.each([
    ["malformed JSON", { rawBody: "{not json" }, "INVALID_JSON", []],
    ["an empty body", { rawBody: "" }, "INVALID_JSON", []],
    ["missing fields", { body: {} }, "INVALID_REQUEST", ["email", "password"]],
    ["a bad email", { body: { email: "not-an-email", password: "long enough" } }, "INVALID_REQUEST", ["email"]],
    ["a short password", { body: { email: "short@example.org", password: "short" } }, "INVALID_REQUEST", ["password"]],
    ["an over-long email", { body: { email: `${"a".repeat(250)}@example.org`, password: "long enough" } }, "INVALID_REQUEST", ["email"]],
    ["an over-long password", { body: { email: "long@example.org", password: "x".repeat(129) } }, "INVALID_REQUEST", ["password"]],
    ["a JSON array", { body: [1, 2] }, "INVALID_REQUEST", [""]],
  ] as const)("answers 400 to %s, in both languages, and writes nothing", async (_label, request, code, paths) => {
    const before = await prisma.user.count();
    const response = await signUp(jsonRequest("/api/users", request), routeContext({}));
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe(code);
    expect(body.error.message["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    expect(body.error.message.en).toMatch(/[a-z]/);
    expect((body.error.issues ?? []).map((issue) => issue.path).sort()).toEqual([...paths].sort());
    for (const issue of body.error.issues ?? []) {
      expect(issue.message["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.message.en.length).toBeGreaterThan(5);
    }
    expect(await prisma.user.count()).toBe(before);
  });

  it("answers 413 to a body over the limit", async () => {
    const response = await signUp(
      jsonRequest("/api/users", { body: { email: "big@example.org", password: "x".repeat(300_000) } }),
      routeContext({}),
    );
    expect(response.status).toBe(413);
  });

  it("makes the ADMIN_EMAIL account an admin only while there is no admin", async () => {
    await prisma.user.updateMany({ where: { role: "ADMIN" }, data: { role: "STUDENT" } });
    const user = await createUser({ email: "boss@example.org", password: "long enough" }, { adminEmail: "Boss@Example.org" });
    expect(user.role).toBe("ADMIN");
    // Someone who signs up with the address later (after the first admin deleted the account, say) proves nothing.
    await prisma.user.delete({ where: { id: user.id } });
    await createUser({ email: "first@example.org", password: "long enough" }).then((first) =>
      prisma.user.update({ where: { id: first.id }, data: { role: "ADMIN" } }),
    );
    const late = await createUser({ email: "boss@example.org", password: "long enough" }, { adminEmail: "boss@example.org" });
    expect(late.role).toBe("STUDENT");
  });

  it.each([
    ["a common password", "password", "too common"],
    ["digits", "12345678", "too common"],
    ["the email", "weak@example.org", "may not be your email"],
  ])("refuses %s with a bilingual field message, creating nothing", async (_what, password, message) => {
    const response = await signUpWith({ email: "weak@example.org", password });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.issues?.[0]).toMatchObject({ path: "password" });
    expect(body.error.issues?.[0]?.message.en).toContain(message);
    expect(body.error.issues?.[0]?.message["zh-CN"]).toMatch(/密码/);
    expect(await prisma.user.count({ where: { email: "weak@example.org" } })).toBe(0);
  });
});

describe("sign in", () => {
  it("accepts the right password and refuses a wrong one or an unknown email", async () => {
    await createUser({ email: "grace@example.org", password: "the right one" });
    expect(await verifyCredentials({ email: "grace@example.org", password: "the right one" })).toMatchObject({
      email: "grace@example.org",
      role: "STUDENT",
    });
    expect(await verifyCredentials({ email: "grace@example.org", password: "the wrong one" })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@example.org", password: "the right one" })).toBeNull();
  });
});

describe("admin-only route: PUT /api/admin/users/:id/role", () => {
  async function setup() {
    const admin = await createUser({ email: `admin-${crypto.randomUUID()}@example.org`, password: "long enough" }, {
      adminEmail: undefined,
    });
    await prisma.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
    const student = await createUser({ email: `student-${crypto.randomUUID()}@example.org`, password: "long enough" });
    return { admin, student };
  }
  const put = async (id: string, body: unknown, cookie?: string) =>
    setRole(jsonRequest(`/api/admin/users/${id}/role`, { method: "PUT", body, cookie }), routeContext({ id }));

  it("401 without a session", async () => {
    const { student } = await setup();
    expect((await put(student.id, { role: "TEACHER" })).status).toBe(401);
  });

  it("403 for a student, and 403 for a teacher, and nothing changes", async () => {
    const { student } = await setup();
    const response = await put(student.id, { role: "ADMIN" }, await sessionCookie(student.id));
    expect(response.status).toBe(403);
    expect(((await response.json()) as ErrorBody).error.message.en).toMatch(/not allowed/);
    await prisma.user.update({ where: { id: student.id }, data: { role: "TEACHER" } });
    expect((await put(student.id, { role: "ADMIN" }, await sessionCookie(student.id))).status).toBe(403);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: student.id } })).role).toBe("TEACHER");
  });

  it("lets an admin make a student a teacher", async () => {
    const { admin, student } = await setup();
    const response = await put(student.id, { role: "TEACHER" }, await sessionCookie(admin.id));
    expect(response.status).toBe(200);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: student.id } })).role).toBe("TEACHER");
  });

  it("takes a revoked admin role into account at once", async () => {
    const { admin, student } = await setup();
    const cookie = await sessionCookie(admin.id);
    await prisma.user.update({ where: { id: admin.id }, data: { role: "STUDENT" } });
    expect((await put(student.id, { role: "TEACHER" }, cookie)).status).toBe(403);
  });

  it("400 for an unknown role, 404 for an unknown or malformed user id", async () => {
    const { admin } = await setup();
    const cookie = await sessionCookie(admin.id);
    expect((await put(admin.id, { role: "OWNER" }, cookie)).status).toBe(400);
    expect((await put(crypto.randomUUID(), { role: "TEACHER" }, cookie)).status).toBe(404);
    expect((await put("not-a-uuid", { role: "TEACHER" }, cookie)).status).toBe(404);
  });

  it("refuses to demote the last admin, and two admins demoting each other at once leave one", async () => {
    await prisma.user.updateMany({ where: { role: "ADMIN" }, data: { role: "STUDENT" } });
    const { admin } = await setup();
    const alone = await put(admin.id, { role: "STUDENT" }, await sessionCookie(admin.id));
    expect(alone.status).toBe(409);
    expect(((await alone.json()) as ErrorBody).error.message.en).toContain("last admin");
    const other = await createUser({ email: `admin2-${crypto.randomUUID()}@example.org`, password: "long enough" });
    await prisma.user.update({ where: { id: other.id }, data: { role: "ADMIN" } });
    const [first, second] = await Promise.all([
      put(other.id, { role: "STUDENT" }, await sessionCookie(admin.id)),
      put(admin.id, { role: "STUDENT" }, await sessionCookie(other.id)),
    ]);
    // The loser is refused as the last admin (409), or, when the winner's change
    // came before its role was read, as no longer an admin (403).
    const statuses = [first.status, second.status].sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    expect(await prisma.user.count({ where: { role: "ADMIN" } })).toBe(1);
  });

  it("an admin ends an account's sessions: its old tokens name nobody, a new sign-in works", async () => {
    const { admin, student } = await setup();
    const oldCookie = await sessionCookie(student.id);
    const end = (id: string, cookie?: string) =>
      endSessionsRoute(jsonRequest(`/api/admin/users/${id}/sessions`, { method: "DELETE", cookie }), routeContext({ id }));
    expect((await end(student.id, oldCookie)).status).toBe(403);
    const ended = await end(student.id, await sessionCookie(admin.id));
    expect(ended.status).toBe(200);
    expect(await ended.json()).toEqual({ ended: true });
    expect(await findCurrentUser(student.id, 0)).toBeNull();
    expect((await findCurrentUser(student.id, 1))?.email).toBe(student.email);
    expect((await end(student.id, oldCookie)).status).toBe(401);
    expect((await end(crypto.randomUUID(), await sessionCookie(admin.id))).status).toBe(404);
    expect((await end("not-a-uuid", await sessionCookie(admin.id))).status).toBe(404);
  });

  it("a role change keeps the account signed in, with its new role at once", async () => {
    const { admin, student } = await setup();
    expect((await put(student.id, { role: "TEACHER" }, await sessionCookie(admin.id))).status).toBe(200);
    expect((await findCurrentUser(student.id, 0))?.role).toBe("TEACHER");
  });

  it("signing out ends every token of the account, copied ones too", async () => {
    const { admin, student } = await setup();
    const copied = await sessionCookie(admin.id);
    expect((await put(student.id, { role: "TEACHER" }, copied)).status).toBe(200);
    await authOptions.events?.signOut?.({ token: { sub: admin.id, sv: 0 }, session: null as never });
    expect((await put(student.id, { role: "STUDENT" }, copied)).status).toBe(401);
    expect((await put(student.id, { role: "STUDENT" }, await sessionCookie(admin.id, 1))).status).toBe(200);
  });

  it("ignores a forged session cookie", async () => {
    const { student } = await setup();
    const response = await put(student.id, { role: "ADMIN" }, "next-auth.session-token=forged.value.here");
    expect(response.status).toBe(401);
  });
});

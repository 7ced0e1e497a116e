import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { loadContent } from "@/lib/content/load-content";
import { syncContent } from "@/lib/content/sync-content";
import { drawInterviewQuestions } from "@/lib/quizzes/draw-questions";

describe("interview draws from the synced question bank", () => {
  it("draws distinct interview questions, the same ones for the same seed", async () => {
    await syncContent(await loadContent());
    const drawn = await drawInterviewQuestions(10, 2026);
    expect(new Set(drawn).size).toBe(10);
    const questions = await prisma.quizQuestion.findMany({ where: { id: { in: drawn } } });
    expect(questions.every((question) => (question.content as { interview?: boolean }).interview === true)).toBe(true);
    expect(await drawInterviewQuestions(10, 2026)).toEqual(drawn);
  });
});

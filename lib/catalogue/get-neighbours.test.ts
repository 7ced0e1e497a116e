import { describe, expect, it } from "vitest";
import { neighboursOf } from "./get-neighbours";

const items = [
  { slug: "intro", kind: "LESSON" as const, titleZh: "引言", titleEn: "Intro" },
  { slug: "first", kind: "EXERCISE" as const, titleZh: "第一题", titleEn: "First" },
  { slug: "check", kind: "QUIZ" as const, titleZh: "测验", titleEn: "Quiz" },
];

describe("neighboursOf", () => {
  it("links the items before and after, each to its own kind of page", () => {
    expect(neighboursOf(items, "first")).toEqual({
      previous: { ...items[0], href: "/lessons/intro" },
      next: { ...items[2], href: "/quizzes/check" },
    });
  });

  it("has no previous at the start, no next at the end, and nothing for an unknown slug", () => {
    expect(neighboursOf(items, "intro")).toEqual({ previous: null, next: { ...items[1], href: "/exercises/first" } });
    expect(neighboursOf(items, "check").next).toBeNull();
    expect(neighboursOf(items, "missing")).toEqual({ previous: null, next: null });
  });
});

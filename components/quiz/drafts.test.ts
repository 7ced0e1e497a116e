import { describe, expect, it } from "vitest";
import type { TPublicQuestion } from "@/lib/quizzes/public-question";
import { answerOf, draftOf, emptyDraft, parseSeconds } from "./drafts";

const common = { id: "00000000-0000-4000-8000-000000000001", prompt: { "zh-CN": "题", en: "Q" }, code: null };
const text = { "zh-CN": "x", en: "x" };
const questions: Record<string, TPublicQuestion> = {
  single: { ...common, kind: "single_choice", options: [text, text] },
  multiple: { ...common, kind: "multiple_choice", options: [text, text, text] },
  trueFalse: { ...common, kind: "true_false" },
  chosen: { ...common, kind: "predict_output", outputs: ["1", "2"] },
  typed: { ...common, kind: "predict_output", outputs: null },
  duration: { ...common, kind: "predict_duration", tolerance: 0.05 },
  ordering: { ...common, kind: "ordering", items: [text, text, text] },
  blanks: { ...common, kind: "fill_blank", blanks: 2 },
};

describe("a question's draft", () => {
  it("makes no answer until it is complete, so Check stays disabled (except ordering, which always has an order)", () => {
    for (const [name, question] of Object.entries(questions)) {
      expect(answerOf(question, emptyDraft(question)), name).toEqual(name === "ordering" ? { kind: "ordering", order: [0, 1, 2] } : null);
    }
    expect(answerOf(questions.typed!, { kind: "predict_output", option: null, output: "  \n" })).toBeNull();
    expect(answerOf(questions.blanks!, { kind: "fill_blank", blanks: ["async", " "] })).toBeNull();
  });

  it("answers in the shape the API takes", () => {
    expect(answerOf(questions.multiple!, { kind: "multiple_choice", options: [2, 0] })).toEqual({ kind: "multiple_choice", options: [0, 2] });
    expect(answerOf(questions.chosen!, { kind: "predict_output", option: 1, output: "" })).toEqual({ kind: "predict_output", option: 1 });
    expect(answerOf(questions.typed!, { kind: "predict_output", option: null, output: "a\n" })).toEqual({ kind: "predict_output", output: "a\n" });
    expect(answerOf(questions.duration!, { kind: "predict_duration", seconds: "1,5" })).toEqual({ kind: "predict_duration", seconds: 1.5 });
  });

  it("shows an answer already given", () => {
    expect(draftOf(questions.ordering!, { kind: "ordering", order: [2, 0, 1] })).toEqual({ kind: "ordering", order: [2, 0, 1] });
    expect(draftOf(questions.duration!, { kind: "predict_duration", seconds: 0.5 })).toEqual({ kind: "predict_duration", seconds: "0.5" });
    expect(draftOf(questions.single!, { kind: "true_false", value: true })).toEqual(emptyDraft(questions.single!));
  });
});

describe("typed seconds", () => {
  it("reads plain decimals, with a point or a comma, and nothing else", () => {
    expect(parseSeconds("2")).toBe(2);
    expect(parseSeconds(" 0.5 ")).toBe(0.5);
    expect(parseSeconds(".5")).toBe(0.5);
    expect(parseSeconds("1,5")).toBe(1.5);
    for (const bad of ["", "-1", "1e3", "abc", "1.2.3", "Infinity"]) expect(parseSeconds(bad), bad).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { ZQuestion, type TQuestion } from "../content/schemas";
import { normalizeBlank, scoreAnswer } from "./score-answer";

const common = {
  id: "00000000-0000-4000-8000-000000000001",
  difficulty: 1,
  concepts: ["await"],
  seeds: [{ seed: "001" as const, section: "2.1" }],
  prompt: { "zh-CN": "题目", en: "Question" },
  explanation: { "zh-CN": "解析", en: "Explanation" },
};
const text = (en: string) => ({ "zh-CN": en, en });
const question = (fields: Record<string, unknown>): TQuestion => ZQuestion.parse({ ...common, ...fields });

const single = question({ kind: "single_choice", options: ["a", "b", "c"].map((id) => ({ id, text: text(id) })), answer: "b" });
// Three right options of five: each right pick is worth 1/3, each wrong one costs 1/2.
const multiple = question({
  kind: "multiple_choice",
  options: ["a", "b", "c", "d", "e"].map((id) => ({ id, text: text(id) })),
  answer: ["a", "c", "d"],
});
const trueFalse = question({ kind: "true_false", answer: false });
const outputChoice = question({
  kind: "predict_output",
  code: "print(1)",
  answer: "1\n",
  options: [
    { id: "a", output: "0\n" },
    { id: "b", output: "1" },
  ],
});
const outputTyped = question({ kind: "predict_output", code: "print('a  b')\nprint('c')", answer: "a  b\nc\n" });
const duration = question({ kind: "predict_duration", code: "...", answer: 1.5, tolerance: 0.1 });
const durationDefault = question({ kind: "predict_duration", code: "...", answer: 0.5 });
const ordering = question({
  kind: "ordering",
  items: ["a", "b", "c", "d"].map((id) => ({ id, text: text(id) })),
  answer: ["c", "a", "d", "b"],
});
const fillBlank = question({
  kind: "fill_blank",
  code: "x = ____\ny = ____\n",
  answer: [["asyncio.TimeoutError", "TimeoutError"], ["await asyncio.sleep(1)"]],
});

describe("scoring an answer", () => {
  it("single choice: the key's option only", () => {
    expect(scoreAnswer(single, { kind: "single_choice", option: "b" })).toEqual({ correct: true, score: 1 });
    expect(scoreAnswer(single, { kind: "single_choice", option: "a" })).toEqual({ correct: false, score: 0 });
    expect(scoreAnswer(single, { kind: "single_choice", option: "z" })).toEqual({ correct: false, score: 0 });
  });

  it("multiple choice: partial credit with a penalty per wrong pick, never below 0, full marks only for the exact set", () => {
    const score = (options: string[]) => scoreAnswer(multiple, { kind: "multiple_choice", options });
    expect(score(["a", "c", "d"])).toEqual({ correct: true, score: 1 });
    expect(score(["d", "a", "c"])).toEqual({ correct: true, score: 1 });
    expect(score(["a", "c"])).toEqual({ correct: false, score: 0.666667 });
    expect(score(["a"])).toEqual({ correct: false, score: 0.333333 });
    expect(score(["a", "c", "d", "e"])).toEqual({ correct: false, score: 0.5 });
    expect(score(["a", "b"])).toEqual({ correct: false, score: 0 });
    // Ticking everything earns nothing.
    expect(score(["a", "b", "c", "d", "e"])).toEqual({ correct: false, score: 0 });
    expect(score([])).toEqual({ correct: false, score: 0 });
  });

  it("multiple choice where every option is right: no penalty to divide by zero", () => {
    const all = question({ kind: "multiple_choice", options: ["a", "b"].map((id) => ({ id, text: text(id) })), answer: ["a", "b"] });
    expect(scoreAnswer(all, { kind: "multiple_choice", options: ["a"] })).toEqual({ correct: false, score: 0.5 });
    expect(scoreAnswer(all, { kind: "multiple_choice", options: ["a", "b"] })).toEqual({ correct: true, score: 1 });
  });

  it("true or false", () => {
    expect(scoreAnswer(trueFalse, { kind: "true_false", value: false })).toEqual({ correct: true, score: 1 });
    expect(scoreAnswer(trueFalse, { kind: "true_false", value: true })).toEqual({ correct: false, score: 0 });
  });

  it("predict the output, choosing: the option whose output is the key's, compared as outputs", () => {
    expect(scoreAnswer(outputChoice, { kind: "predict_output", option: "b" })).toEqual({ correct: true, score: 1 });
    expect(scoreAnswer(outputChoice, { kind: "predict_output", option: "a" })).toEqual({ correct: false, score: 0 });
    // A typed output does not answer a choosing question.
    expect(scoreAnswer(outputChoice, { kind: "predict_output", output: "1\n" })).toEqual({ correct: false, score: 0 });
  });

  it("predict the output, typed: trailing spaces, CRLF and final blank lines do not matter; inner spaces and lines do", () => {
    const score = (output: string) => scoreAnswer(outputTyped, { kind: "predict_output", output }).correct;
    expect(score("a  b\nc\n")).toBe(true);
    expect(score("a  b   \r\nc")).toBe(true);
    expect(score("a  b\nc\n\n\n")).toBe(true);
    expect(score("a b\nc\n")).toBe(false);
    expect(score("c\na  b\n")).toBe(false);
    expect(score(" a  b\nc\n")).toBe(false);
    expect(score("")).toBe(false);
  });

  it("predict the duration: within the question's tolerance, both sides, edges included", () => {
    const score = (seconds: number) => scoreAnswer(duration, { kind: "predict_duration", seconds }).correct;
    expect(score(1.5)).toBe(true);
    expect(score(1.4)).toBe(true);
    expect(score(1.6)).toBe(true);
    expect(score(1.39)).toBe(false);
    expect(score(1.61)).toBe(false);
    expect(score(3)).toBe(false);
  });

  it("predict the duration: 0.05 s when the question sets no tolerance", () => {
    const score = (seconds: number) => scoreAnswer(durationDefault, { kind: "predict_duration", seconds }).correct;
    expect(score(0.55)).toBe(true);
    expect(score(0.45)).toBe(true);
    expect(score(0.56)).toBe(false);
    expect(score(1.5)).toBe(false);
  });

  it("ordering: full marks for the key; otherwise credit per item followed by its right successor", () => {
    const score = (order: string[]) => scoreAnswer(ordering, { kind: "ordering", order });
    expect(score(["c", "a", "d", "b"])).toEqual({ correct: true, score: 1 });
    // Only c→a is a right pair: 1 of 3.
    expect(score(["c", "a", "b", "d"])).toEqual({ correct: false, score: 0.333333 });
    expect(score(["d", "b", "c", "a"])).toEqual({ correct: false, score: 0.666667 });
    expect(score(["b", "d", "a", "c"])).toEqual({ correct: false, score: 0 });
    expect(score(["c", "a", "d"])).toEqual({ correct: false, score: 0.666667 });
  });

  it("fill in the blank: any accepted alternative per blank, spaces forgiven where Python ignores them, credit per blank", () => {
    const score = (blanks: string[]) => scoreAnswer(fillBlank, { kind: "fill_blank", blanks });
    expect(score(["asyncio.TimeoutError", "await asyncio.sleep(1)"])).toEqual({ correct: true, score: 1, blanks: [true, true] });
    expect(score(["  TimeoutError ", "await  asyncio.sleep( 1 )"])).toEqual({ correct: true, score: 1, blanks: [true, true] });
    expect(score(["asyncio . TimeoutError", "awaitasyncio.sleep(1)"])).toEqual({ correct: false, score: 0.5, blanks: [true, false] });
    expect(score(["timeouterror", ""])).toEqual({ correct: false, score: 0, blanks: [false, false] });
    expect(score(["TimeoutError"])).toEqual({ correct: false, score: 0.5, blanks: [true, false] });
  });

  it("refuses an answer of another kind (a caller's bug, not a wrong answer)", () => {
    expect(() => scoreAnswer(single, { kind: "true_false", value: true })).toThrow(/true_false answer to a single_choice/);
  });
});

describe("normalizing a blank", () => {
  it("drops spaces around punctuation, keeps one between words, and leaves string literals alone", () => {
    expect(normalizeBlank("  asyncio . run ")).toBe("asyncio.run");
    expect(normalizeBlank("await   fetch( url )")).toBe("await fetch(url)");
    expect(normalizeBlank("*")).toBe("*");
    expect(normalizeBlank("print( 'a  b' )")).toBe("print('a  b')");
    expect(normalizeBlank('f( "x , y" ,z)')).toBe('f("x , y",z)');
    expect(normalizeBlank("\tNone\n")).toBe("None");
    expect(normalizeBlank("await fetch")).not.toBe(normalizeBlank("awaitfetch"));
  });
});

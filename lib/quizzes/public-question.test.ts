// What the browser sees of every question of the real bank, before it is
// answered: no key, no explanation, nothing that marks the right option,
// and an order the key cannot be read from. And the positions it answers
// in translate back to the key, so the stripped form is still answerable.
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent, normalizeOutput, type LoadedQuestion } from "../content/load-content";
import type { TQuestion } from "../content/schemas";
import { seededRandom } from "../interviews/draw-interview";
import { publicQuestion } from "./public-question";
import { scoreAnswer } from "./score-answer";
import { authoredIds, shuffleQuestion, shownOrderOf, type RandomInt } from "./shuffle-options";
import { correctShownAnswer, toShownAnswer, toStoredAnswer } from "./translate-answer";
import type { TShownAnswer } from "./schemas";

let bank: LoadedQuestion[] = [];
beforeAll(async () => {
  const content = await loadContent();
  expect(content.errors).toEqual([]);
  bank = content.questions;
});

const seeded = (seed: number): RandomInt => {
  const random = seededRandom(seed);
  return (bound) => Math.floor(random() * bound);
};

/** Every key of every object in a JSON value. */
function keysOf(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const entry of value) keysOf(entry, found);
  else if (value && typeof value === "object") {
    for (const [key, entry] of Object.entries(value)) {
      found.add(key);
      keysOf(entry, found);
    }
  }
  return found;
}

const ALLOWED_KEYS = new Set(["id", "kind", "prompt", "code", "options", "outputs", "items", "blanks", "tolerance", "zh-CN", "en"]);
/** The JSON-escaped form of a text, as it would appear inside a response body. */
const escaped = (text: string) => JSON.stringify(text).slice(1, -1);

describe("the public form of every question in the bank", () => {
  it("covers the whole bank and every kind", () => {
    expect(bank.length).toBeGreaterThanOrEqual(147);
    expect(new Set(bank.map((loaded) => loaded.question.kind))).toEqual(
      new Set(["single_choice", "multiple_choice", "true_false", "predict_output", "predict_duration", "ordering", "fill_blank"]),
    );
  });

  it("carries only the prompt, the code and the shown lists: no key, no explanation, nothing derived from them", () => {
    const random = seeded(1);
    for (const { question } of bank) {
      const shown = publicQuestion(question, shuffleQuestion(question, random));
      const json = JSON.stringify(shown);
      const keys = keysOf(shown);
      expect([...keys].filter((key) => !ALLOWED_KEYS.has(key)), question.id).toEqual([]);
      expect(json).not.toContain(escaped(question.explanation["zh-CN"]));
      expect(json).not.toContain(escaped(question.explanation.en));
      // A typed key (or the output the blanks lead to) is absent, unless the question's own text holds it ("ok" in `return "ok"`).
      const ownText = JSON.stringify({ prompt: question.prompt, code: question.code });
      const typedKeys = [
        question.kind === "predict_output" && !question.options ? question.answer : null,
        question.kind === "fill_blank" ? (question.expectOutput ?? null) : null,
      ].flatMap((key) => (key === null ? [] : [escaped(normalizeOutput(key))]));
      for (const key of typedKeys) if (!ownText.includes(key)) expect(json, question.id).not.toContain(key);
      // Option entries are bare texts: none can be marked.
      if ("options" in shown) for (const option of shown.options) expect(Object.keys(option).sort()).toEqual(["en", "zh-CN"]);
      if ("items" in shown) for (const item of shown.items) expect(Object.keys(item).sort()).toEqual(["en", "zh-CN"]);
      if (shown.kind === "predict_output" && shown.outputs) for (const output of shown.outputs) expect(typeof output).toBe("string");
    }
  });

  it("shows every option or item exactly once, in the attempt's order", () => {
    const random = seeded(2);
    for (const { question } of bank) {
      const order = shuffleQuestion(question, random);
      const shown = publicQuestion(question, order);
      if (question.kind === "single_choice" || question.kind === "multiple_choice") {
        expect(shown.kind === question.kind && shown.options).toEqual(order!.map((id) => question.options.find((option) => option.id === id)!.text));
      }
      if (question.kind === "ordering" && shown.kind === "ordering") {
        expect(shown.items).toEqual(order!.map((id) => question.items.find((item) => item.id === id)!.text));
      }
      if (question.kind === "predict_output" && shown.kind === "predict_output") {
        expect(shown.outputs).toEqual(question.options ? order!.map((id) => question.options!.find((option) => option.id === id)!.output) : null);
      }
      if (question.kind === "fill_blank" && shown.kind === "fill_blank") expect(shown.blanks).toBe(question.answer.length);
      if (question.kind === "predict_duration" && shown.kind === "predict_duration") expect(shown.tolerance).toBe(question.tolerance);
    }
  });

  it("is answerable: the key in shown positions scores full marks, and a wrong position does not", () => {
    const random = seeded(3);
    for (const { question } of bank) {
      const order = shownOrderOf(question, { [question.id]: shuffleQuestion(question, random) ?? [] });
      const right = toStoredAnswer(question, order, correctShownAnswer(question, order));
      expect(scoreAnswer(question, right), question.id).toMatchObject({ correct: true, score: 1 });
      expect(toShownAnswer(order, right)).toEqual(normalizedShown(correctShownAnswer(question, order)));
      const wrong = wrongAnswer(question, order);
      expect(scoreAnswer(question, toStoredAnswer(question, order, wrong)).correct, question.id).toBe(false);
    }
  });
});

/** toShownAnswer gives multiple-choice positions in the order they were stored, which is sorted here. */
function normalizedShown(answer: TShownAnswer): TShownAnswer {
  return answer.kind === "multiple_choice" ? { ...answer, options: [...answer.options].sort((left, right) => left - right) } : answer;
}

function wrongAnswer(question: TQuestion, order: string[] | null): TShownAnswer {
  const correct = correctShownAnswer(question, order);
  switch (correct.kind) {
    case "single_choice":
      return { kind: "single_choice", option: correct.option === 0 ? 1 : 0 };
    case "multiple_choice":
      return { kind: "multiple_choice", options: correct.options.slice(1).length > 0 ? correct.options.slice(1) : [correct.options[0] === 0 ? 1 : 0] };
    case "true_false":
      return { kind: "true_false", value: !correct.value };
    case "predict_output":
      return correct.option !== undefined ? { kind: "predict_output", option: correct.option === 0 ? 1 : 0 } : { kind: "predict_output", output: "not it" };
    case "predict_duration":
      return { kind: "predict_duration", seconds: correct.seconds + 1 };
    case "ordering":
      return { kind: "ordering", order: [...correct.order].reverse() };
    case "fill_blank":
      return { kind: "fill_blank", blanks: correct.blanks.map(() => "wrong") };
  }
}

describe("the shown order", () => {
  it("does not give away the key: the right option's position varies, over every choice question", () => {
    const random = seeded(4);
    for (const { question } of bank) {
      if (question.kind !== "single_choice" && !(question.kind === "predict_output" && question.options)) continue;
      const positions = new Map<number, number>();
      for (let draw = 0; draw < 200; draw += 1) {
        const order = shuffleQuestion(question, random);
        const correct = correctShownAnswer(question, order);
        const position = correct.kind === "single_choice" || correct.kind === "predict_output" ? (correct.option ?? -1) : -1;
        positions.set(position, (positions.get(position) ?? 0) + 1);
      }
      const options = authoredIds(question)!.length;
      // Every position is used, none far above its share (200 / n; a fair die over 200 throws stays well under twice that).
      expect(positions.size, question.id).toBe(options);
      for (const count of positions.values()) expect(count, question.id).toBeLessThan((2 * 200) / options);
    }
  });

  it("never shows an ordering question already solved, and is not the author's order by construction", () => {
    const random = seeded(5);
    for (const { question } of bank) {
      if (question.kind !== "ordering") continue;
      let authored = 0;
      for (let draw = 0; draw < 100; draw += 1) {
        const order = shuffleQuestion(question, random)!;
        expect(order, question.id).not.toEqual(question.answer);
        expect([...order].sort()).toEqual(question.items.map((item) => item.id).sort());
        if (order.every((id, index) => id === question.items[index]!.id)) authored += 1;
      }
      expect(authored, question.id).toBeLessThan(50);
    }
  });

  it("keeps an attempt answerable when the bank changed under it: known ids keep their places, new ones follow", () => {
    const question = bank.find((loaded) => loaded.question.kind === "single_choice")!.question;
    const ids = authoredIds(question)!;
    const stored = [ids[2]!, "zz", ids[0]!, ids[2]!];
    expect(shownOrderOf(question, { [question.id]: stored })).toEqual([ids[2], ids[0], ...ids.filter((id) => id !== ids[0] && id !== ids[2])]);
  });
});

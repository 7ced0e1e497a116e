import { describe, expect, it } from "vitest";
import { drawSpread, seededRandom } from "./draw-questions";

const bank = Array.from({ length: 30 }, (_, index) => ({
  id: `q${index}`,
  concepts: [`concept-${index % 6}`],
  difficulty: (index % 5) + 1,
}));

describe("drawing interview questions", () => {
  it("draws distinct questions, reproducibly from a seed", () => {
    const first = drawSpread(bank, 10, 42);
    expect(new Set(first).size).toBe(10);
    expect(drawSpread(bank, 10, 42)).toEqual(first);
    expect(drawSpread(bank, 10, 43)).not.toEqual(first);
  });

  it("spreads over concepts before repeating one", () => {
    const drawn = drawSpread(bank, 6, 7).map((id) => bank.find((question) => question.id === id)!.concepts[0]);
    expect(new Set(drawn).size).toBe(6);
  });

  it("returns the whole bank, shuffled, when asked for more than it holds", () => {
    expect(drawSpread(bank.slice(0, 4), 10, 1).sort()).toEqual(["q0", "q1", "q2", "q3"]);
  });

  it("has a generator spread over [0, 1)", () => {
    const random = seededRandom(1);
    const values = Array.from({ length: 1000 }, () => random());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.filter((value) => value < 0.5).length).toBeGreaterThan(400);
  });
});

import { describe, expect, it } from "vitest";
import { formatJoinCode, generateJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normaliseJoinCode } from "./join-code";

describe("join codes", () => {
  it("are 8 characters of an alphabet without look-alikes", () => {
    for (const ambiguous of ["0", "O", "1", "I", "L"]) expect(JOIN_CODE_ALPHABET).not.toContain(ambiguous);
    for (let round = 0; round < 200; round += 1) {
      const code = generateJoinCode();
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      expect(normaliseJoinCode(code)).toBe(code);
    }
  });

  it("use every character of the alphabet given the random source", () => {
    expect(generateJoinCode(() => 0)).toBe("22222222");
    expect(generateJoinCode((max) => max - 1)).toBe("ZZZZZZZZ");
  });

  it("compare without case, spaces or dashes", () => {
    expect(normaliseJoinCode(" abcd-efgh ")).toBe("ABCDEFGH");
    expect(normaliseJoinCode("AB CD\tEF GH")).toBe("ABCDEFGH");
    expect(normaliseJoinCode(formatJoinCode("ABCDEFGH"))).toBe("ABCDEFGH");
  });

  it("refuse what cannot be a code", () => {
    expect(normaliseJoinCode("")).toBeNull();
    expect(normaliseJoinCode("ABCDEFG")).toBeNull();
    expect(normaliseJoinCode("ABCDEFGHJ")).toBeNull();
    expect(normaliseJoinCode("ABCDEFG0")).toBeNull();
    expect(normaliseJoinCode("ABCDEFGI")).toBeNull();
    expect(normaliseJoinCode("ABCDÉFGH")).toBeNull();
  });
});

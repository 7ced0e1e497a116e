import { describe, expect, it } from "vitest";
import { MISCONCEPTIONS } from "../../grader/contract";
import { isMessageKey } from "../i18n/messages";
import { failingSentence, misconceptionLabel } from "./misconception-label";

const test = { "zh-CN": "三个请求并发", en: "three requests at once" };

describe("misconceptionLabel", () => {
  it("has a label in both languages for every standard code", () => {
    for (const code of MISCONCEPTIONS) expect(isMessageKey(`insights.misconception.${code}`), code).toBe(true);
  });

  it("names the standard codes and falls back to the test for an author's own", () => {
    expect(misconceptionLabel("sequential", test).en).toBe("the coroutines ran one after another");
    expect(misconceptionLabel("my-own", test)).toEqual({ "zh-CN": "三个请求并发(my-own)", en: "three requests at once (my-own)" });
    expect(misconceptionLabel(null, test).en).toBe("failed without a named cause");
  });

  it("writes the teacher's sentence", () => {
    expect(failingSentence(23, misconceptionLabel("sequential", test))).toEqual({
      "zh-CN": "23 名学生:协程一个接一个地运行了",
      en: "23 students: the coroutines ran one after another",
    });
    expect(failingSentence(1, misconceptionLabel("sequential", test)).en).toBe("1 student: the coroutines ran one after another");
  });
});

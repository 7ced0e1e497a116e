import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { localizeStarter, starterCommentProblems } from "./localize-starter";
import { loadContent } from "./load-content";
import { writeCourse } from "../../tests/support/write-course";

const STARTER = [
  "import asyncio",
  "import aiohttp  # noqa: F401  # zh: 你可能会用到 # en: you may need it",
  "",
  "",
  "async def main():",
  "    # zh: TODO: 并发获取用户",
  "    # zh:       然后返回列表",
  "    # en: TODO: fetch the users concurrently",
  "    # en:       then return the list",
  "    # TODO",
  '    await asyncio.sleep(0.5)  # zh: 模拟请求 # en: a simulated request',
  '    print("结果: # zh: 不是注释")  # en: prints "结果: …"',
  "    return None",
  "",
].join("\n");

describe("localizeStarter", () => {
  it("keeps one language's comments, without their markers, and every other byte", () => {
    expect(localizeStarter(STARTER, "en")).toBe(
      [
        "import asyncio",
        "import aiohttp  # noqa: F401  # you may need it",
        "",
        "",
        "async def main():",
        "    # TODO: fetch the users concurrently",
        "    #       then return the list",
        "    # TODO",
        "    await asyncio.sleep(0.5)  # a simulated request",
        '    print("结果: # zh: 不是注释")  # prints "结果: …"',
        "    return None",
        "",
      ].join("\n"),
    );
    expect(localizeStarter(STARTER, "zh-CN")).toBe(
      [
        "import asyncio",
        "import aiohttp  # noqa: F401  # 你可能会用到",
        "",
        "",
        "async def main():",
        "    # TODO: 并发获取用户",
        "    #       然后返回列表",
        "    # TODO",
        "    await asyncio.sleep(0.5)  # 模拟请求",
        // The string's "# zh:" is not a comment; the line's only comment is English, so the code stays alone.
        '    print("结果: # zh: 不是注释")',
        "    return None",
        "",
      ].join("\n"),
    );
  });

  it("leaves a starter without markers as it is, and skips '#' inside triple-quoted strings", () => {
    const plain = 'TEXT = """\n# zh: inside a string\n"""\nx = 1  # a note\n';
    expect(localizeStarter(plain, "en")).toBe(plain);
    expect(localizeStarter(plain, "zh-CN")).toBe(plain);
  });
});

describe("starterCommentProblems", () => {
  it("finds a Chinese comment without its marker, and one language without the other", () => {
    expect(starterCommentProblems("x = 1  # 计数 / the count\n# en: only English\n")).toEqual([
      { line: 1, message: expect.stringMatching(/without a marker/) },
      { line: 1, message: expect.stringMatching(/`# en:` comments but no `# zh:`/) },
    ]);
    expect(starterCommentProblems(STARTER)).toEqual([]);
    // Chinese in a string is the program's output, not a comment.
    expect(starterCommentProblems('print("开始")\n')).toEqual([]);
  });

  it("holds for every starter of the course: none has a problem, and the English one has no Chinese comment", () => {
    const root = path.join(process.cwd(), "exercises");
    const starters = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((file) => path.basename(file) === "starter.py");
    expect(starters.length).toBeGreaterThan(20);
    for (const file of starters) {
      const source = readFileSync(path.join(root, file), "utf8");
      expect(starterCommentProblems(source), file).toEqual([]);
      // Once localized nothing is marked, so any Chinese comment left in the English starter is reported.
      expect(starterCommentProblems(localizeStarter(source, "en")), file).toEqual([]);
      expect(localizeStarter(source, "zh-CN")).not.toMatch(/# (zh|en):/);
    }
  });
});

describe("loading the content", () => {
  it("stores the starter in each language, and reports a Chinese comment without its marker by file and line", async () => {
    const exercise = (slug: string, n: number, starter: string) => ({
      kind: "exercise" as const,
      id: `6b2f0000-0000-4000-8000-00000000000${n}`,
      slug,
      title: slug,
      starter,
    });
    const root = await writeCourse({
      id: "6b2f0000-0000-4000-8000-000000000001",
      slug: "asyncio",
      title: "Asyncio",
      chapters: [
        {
          id: "6b2f0000-0000-4000-8000-000000000002",
          slug: "basics",
          title: "Basics",
          items: [exercise("marked", 3, STARTER), exercise("unmarked", 4, "import asyncio\n\nx = 1  # 计数 / the count\n")],
        },
      ],
    });
    const content = await loadContent(root);
    expect(content.errors).toEqual([
      { file: path.join(root, "asyncio/basics/unmarked/starter.py"), path: "line 3", message: expect.stringMatching(/without a marker/) },
    ]);
    const marked = content.courses[0]?.chapters[0]?.items.find((item) => item.slug === "marked");
    expect(marked?.content.starter).toEqual({ "zh-CN": localizeStarter(STARTER, "zh-CN"), en: localizeStarter(STARTER, "en") });
  });
});

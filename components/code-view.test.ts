import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { pickMessages } from "@/lib/i18n/messages";
import { CodeBlock } from "./code-block";
import { CodeDiff } from "./code-diff";
import { Markdown } from "./markdown";

describe("Markdown's code", () => {
  it("highlights a python fence, keeps other fences plain, and still renders no raw HTML", () => {
    const html = renderToStaticMarkup(
      createElement(
        Markdown,
        null,
        "Run `asyncio.run`:\n\n```python\nawait asyncio.sleep(1)\n```\n\n```\n$ python main.py\n```\n\n<script>alert(1)</script>\n",
      ),
    );
    expect(html).toContain('<pre class="code-view code-block" data-language="python"><code><span class="code-line">');
    expect(html).toContain('<span class="tok-keyword">await</span>');
    expect(html).toContain('<pre class="code-view code-block" data-language="text"><code><span class="code-line">$ python main.py\n</span></code></pre>');
    expect(html).toContain("<code>asyncio.run</code>");
    expect(html).not.toContain("<script");
  });
});

describe("CodeBlock", () => {
  it("escapes the code it shows and numbers lines only when asked", () => {
    const html = renderToStaticMarkup(createElement(CodeBlock, { code: 'print("<b>")', language: "python", lineNumbers: true }));
    expect(html).toContain("with-line-numbers");
    expect(html).toContain('<span class="tok-string">&quot;&lt;b&gt;&quot;</span>');
  });
});

describe("CodeDiff", () => {
  const messages = pickMessages("en", ["editor."]);

  it("gives each changed line a sign and words for screen readers, both line numbers, and a summary", () => {
    const html = renderToStaticMarkup(
      createElement(CodeDiff, { before: "a = 1\nb = 2\n", after: "a = 1\nb = 3\nc = 4\n", beforeLabel: "First", afterLabel: "Second", messages }),
    );
    expect(html).toContain("Lines added: 2, removed: 1");
    const rows = html.match(/<tr class="diff-\w+">.*?<\/tr>/g) ?? [];
    expect(rows).toHaveLength(4);
    // Each row's cells as text: old number, new number, sign and its words, code.
    const cells = rows.map((row) => row.split("</td>").slice(0, 4).map((cell) => cell.replace(/<[^>]+>/g, "")));
    expect(cells).toEqual([
      ["1", "1", "unchanged", "a = 1"],
      ["2", "", "−removed", "b = 2"],
      ["", "2", "+added", "b = 3"],
      ["", "3", "+added", "c = 4"],
    ]);
    expect(rows[2]).toContain('<span aria-hidden="true">+</span><span class="visually-hidden">added</span>');
  });

  it("says when the two versions are the same", () => {
    const html = renderToStaticMarkup(createElement(CodeDiff, { before: "x\n", after: "x", beforeLabel: "1", afterLabel: "2", messages: pickMessages("zh-CN", ["editor."]) }));
    expect(html).toContain("两个版本的代码完全相同。");
  });
});

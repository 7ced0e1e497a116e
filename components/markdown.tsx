import type { ReactNode } from "react";
import ReactMarkdown, { type Components, type ExtraProps } from "react-markdown";
import remarkGfm from "remark-gfm";
import { CodeBlock } from "./code-block";

/**
 * Course text (prompts, lessons) as markdown; raw HTML in it is not rendered.
 * Fenced code becomes a highlighted CodeBlock (```python, ```py) or plain
 * code (any other fence); inline `code` stays as it is.
 */
export function Markdown({ children, afterCode }: { children: string; afterCode?: (code: string, language: string) => ReactNode }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={afterCode ? componentsWith(afterCode) : components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}

type Element = NonNullable<ExtraProps["node"]>;
type ElementContent = Element["children"][number];

/** `afterCode`: what goes under a fenced block (a lesson's Run button), given its code and language. */
function componentsWith(afterCode?: (code: string, language: string) => ReactNode): Components {
  return {
    pre({ node, children }) {
      const code = node?.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
      if (!code) return <pre>{children}</pre>;
      const classes = code.properties.className;
      const fence = (Array.isArray(classes) ? classes : []).map(String).find((name) => name.startsWith("language-"));
      // The fence's text ends with the newline before the closing fence.
      const text = textOf(code.children).replace(/\n$/, "");
      const language = fence?.slice("language-".length) ?? "text";
      const after = afterCode?.(text, language);
      if (!after) return <CodeBlock code={text} language={language} />;
      return (
        <div className="code-with-run">
          <CodeBlock code={text} language={language} />
          {after}
        </div>
      );
    },
  };
}

const components = componentsWith();

function textOf(nodes: ElementContent[]): string {
  return nodes.map((node) => (node.type === "text" ? node.value : node.type === "element" ? textOf(node.children) : "")).join("");
}

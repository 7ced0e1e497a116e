import ReactMarkdown, { type Components, type ExtraProps } from "react-markdown";
import remarkGfm from "remark-gfm";
import { CodeBlock } from "./code-block";

/**
 * Course text (prompts, lessons) as markdown; raw HTML in it is not rendered.
 * Fenced code becomes a highlighted CodeBlock (```python, ```py) or plain
 * code (any other fence); inline `code` stays as it is.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}

type Element = NonNullable<ExtraProps["node"]>;
type ElementContent = Element["children"][number];

const components: Components = {
  pre({ node, children }) {
    const code = node?.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
    if (!code) return <pre>{children}</pre>;
    const classes = code.properties.className;
    const fence = (Array.isArray(classes) ? classes : []).map(String).find((name) => name.startsWith("language-"));
    // The fence's text ends with the newline before the closing fence.
    return <CodeBlock code={textOf(code.children).replace(/\n$/, "")} language={fence?.slice("language-".length) ?? "text"} />;
  },
};

function textOf(nodes: ElementContent[]): string {
  return nodes.map((node) => (node.type === "text" ? node.value : node.type === "element" ? textOf(node.children) : "")).join("");
}

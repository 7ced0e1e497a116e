import ReactMarkdown from "react-markdown";

/** Short course text (an option, an item) with its `code` and emphasis, inline: no paragraph of its own. */
export function InlineMarkdown({ children }: { children: string }) {
  return <ReactMarkdown components={{ p: ({ children: inner }) => <>{inner}</> }}>{children}</ReactMarkdown>;
}

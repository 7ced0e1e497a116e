import { codeLanguage, highlightLines, type CodeLanguage, type Token } from "@/lib/code/highlight-lines";

/**
 * Read-only code, highlighted on the server: `<pre class="code-view
 * code-block"><code>` with one `.code-line` span per line and lezer's
 * `tok-*` classes on the tokens (colours in app/globals.css). No client
 * JavaScript. Line numbers, when asked for, are drawn by CSS counters, so
 * copying the code copies no numbers.
 *
 * `language` is "python", "text", or a fenced-code info string ("py", "js"…:
 * anything but Python is plain text).
 */
export function CodeBlock(props: { code: string; language?: CodeLanguage | string; lineNumbers?: boolean; label?: string }) {
  const language = props.language === "python" || props.language === "text" ? props.language : codeLanguage(props.language);
  const lines = highlightLines(props.code, language);
  return (
    <pre
      className={`code-view code-block${props.lineNumbers ? " with-line-numbers" : ""}`}
      data-language={language}
      aria-label={props.label}
    >
      <code>
        {lines.map((tokens, index) => (
          <span key={index} className="code-line">
            <CodeTokens tokens={tokens} />
            {"\n"}
          </span>
        ))}
      </code>
    </pre>
  );
}

/** One line's tokens; shared with the diff view. */
export function CodeTokens({ tokens }: { tokens: Token[] }) {
  return tokens.map((token, index) =>
    token.classes ? (
      <span key={index} className={token.classes}>
        {token.text}
      </span>
    ) : (
      token.text
    ),
  );
}

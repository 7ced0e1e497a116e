import { diffLines } from "@/lib/code/diff-lines";
import { highlightLines, type CodeLanguage, type Token } from "@/lib/code/highlight-lines";
import { formatMessage } from "@/lib/i18n/format-message";
import { CodeTokens } from "./code-block";

/**
 * Two versions of a program as a unified line diff: each line with its
 * numbers on the old and new side, a + or − sign (and, for screen readers,
 * the words "added"/"removed": the colours are never the only sign), the
 * code highlighted, and a summary of how many lines were added and removed.
 *
 * No hooks and no browser APIs, so it renders on the server or inside a
 * client component alike (the history of attempts is a client one).
 * `messages`: pickMessages(locale, ["editor."]).
 */
export function CodeDiff(props: {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
  language?: CodeLanguage;
  messages: Record<string, string | undefined>;
}) {
  const text = (key: string, values?: Record<string, string | number>) => formatMessage(props.messages, key, values);
  const language = props.language ?? "python";
  const diff = diffLines(props.before, props.after);
  const oldTokens = highlightLines(props.before, language);
  const newTokens = highlightLines(props.after, language);
  const tokensOf = (lines: Token[][], number: number): Token[] => lines[number - 1] ?? [];
  return (
    <figure className="code-diff" data-testid="code-diff">
      <figcaption>
        <span className="diff-version">
          <span className="diff-sign-removed" aria-hidden="true">
            −
          </span>{" "}
          {props.beforeLabel}
        </span>
        <span className="diff-version">
          <span className="diff-sign-added" aria-hidden="true">
            +
          </span>{" "}
          {props.afterLabel}
        </span>
        <span className="diff-summary" data-testid="diff-summary">
          {diff.added === 0 && diff.removed === 0
            ? text("editor.diffSame")
            : text("editor.diffSummary", { added: diff.added, removed: diff.removed })}
        </span>
      </figcaption>
      {diff.lines.length > 0 && (
        <table className="code-diff-table">
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{text("editor.diffOldLine")}</th>
              <th scope="col">{text("editor.diffNewLine")}</th>
              <th scope="col">{text("editor.diffChange")}</th>
              <th scope="col">{text("editor.diffCode")}</th>
            </tr>
          </thead>
          <tbody>
            {diff.lines.map((line, index) => (
              <tr key={index} className={`diff-${line.kind}`}>
                <td className="diff-number">{line.kind === "added" ? "" : line.oldNumber}</td>
                <td className="diff-number">{line.kind === "removed" ? "" : line.newNumber}</td>
                <td className="diff-sign">
                  <span aria-hidden="true">{line.kind === "added" ? "+" : line.kind === "removed" ? "−" : ""}</span>
                  <span className="visually-hidden">
                    {text(line.kind === "added" ? "editor.diffAdded" : line.kind === "removed" ? "editor.diffRemoved" : "editor.diffUnchanged")}
                  </span>
                </td>
                <td className="diff-code">
                  <code>
                    <CodeTokens tokens={line.kind === "removed" ? tokensOf(oldTokens, line.oldNumber) : tokensOf(newTokens, line.newNumber)} />
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}

/**
 * The one place a quiz question's code is drawn (a server component, so
 * the pages hand the rendered block to the client component). When
 * components/code-block.tsx lands, this becomes
 * `<CodeBlock code={code} language="python" />`.
 */
export function QuizCode({ code }: { code: string }) {
  return (
    <pre className="code-view">
      <code>{code}</code>
    </pre>
  );
}

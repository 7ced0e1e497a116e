/**
 * Which of a lesson's code samples get a Run button: Python programs that
 * start their own event loop (`asyncio.run(…)` outside a comment). Fragments
 * — a coroutine alone, a pitfall in two lines — would only end in an error.
 */
export function isRunnableSample(code: string, language: string): boolean {
  if (language !== "python" && language !== "py") return false;
  return code.split("\n").some((line) => /^\s*[^#\n]*\basyncio\.run\(/.test(line));
}

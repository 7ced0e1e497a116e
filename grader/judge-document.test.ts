/**
 * The judge's own parts of the result document, run on the grader's Python
 * without a sandbox (they are plain functions of what the judge observed):
 * the student's error trimmed to the submission's frames
 * (judge/errors.py), each test's output within its bounds (judge/output.py)
 * and the traces within the document's budget (judge/traces.py). The golden
 * and forgery suites show the same through real runs.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { RESULT_BOUNDS } from "./contract";
import { PYTHON } from "./sandbox/sandbox";
import { PYTHON_DIRECTORY } from "./spawn";

/** Runs `code` (which prints one JSON value) with the judge importable. */
function python(code: string, input: unknown = null): unknown {
  const probe = `import json, sys\nsys.path.insert(0, ${JSON.stringify(PYTHON_DIRECTORY)})\nINPUT = json.loads(sys.stdin.read())\n${code}`;
  return JSON.parse(execFileSync(PYTHON, ["-I", "-S", "-c", probe], { encoding: "utf8", input: JSON.stringify(input), maxBuffer: 64 << 20 }));
}

const submission = { name: "submission.py", source: Array.from({ length: 30 }, (_, index) => `line_${index + 1}()`).join("\n") };

function studentError(error: Record<string, unknown>, syntax = false) {
  return python(
    `from awaitable.judge.errors import student_error\nprint(json.dumps(student_error(INPUT["error"], INPUT["submission"], syntax=${syntax ? "True" : "False"})))`,
    { error, submission },
  ) as { type: string; message: string; line: number | null; column: number | null; traceback: string };
}

describe("the student's error (judge/errors.py)", () => {
  const asyncioTraceback = [
    "Traceback (most recent call last):",
    '  File "submission.py", line 12, in <module>',
    "    asyncio.run(main())",
    '  File "/usr/lib/python3.11/asyncio/runners.py", line 190, in run',
    "    return runner.run(main)",
    "           ^^^^^^^^^^^^^^^^",
    '  File "scenarios.py", line 3, in run_it',
    "    return await module.main()",
    '  File "submission.py", line 5, in get_user',
    '    return {"user": user_id}["name"]',
    "           ~~~~~~~~~~~~~~~~~^^^^^^^^",
    '  File "/usr/lib/python3.11/json/__init__.py", line 346, in loads',
    "    return _default_decoder.decode(s)",
    "KeyError: 'name'",
  ].join("\n");

  test("keeps only the submission's frames and the exception, and marks the innermost student line", () => {
    const error = studentError({ type: "KeyError", message: "KeyError: 'name'", line: 99, traceback: asyncioTraceback });
    expect(error.traceback).toBe(
      [
        "Traceback (most recent call last):",
        '  File "submission.py", line 12, in <module>',
        "    asyncio.run(main())",
        '  File "submission.py", line 5, in get_user',
        '    return {"user": user_id}["name"]',
        "           ~~~~~~~~~~~~~~~~~^^^^^^^^",
        "KeyError: 'name'",
        "",
      ].join("\n"),
    );
    // The line comes from the trimmed traceback, never from the process's own claim (99).
    expect(error.line).toBe(5);
    expect(error.column).toBeNull();
  });

  test("trims each exception of a chain and of a group, and drops a header left without frames", () => {
    const chained = [
      "Traceback (most recent call last):",
      '  File "/usr/lib/python3.11/asyncio/tasks.py", line 490, in wait_for',
      "    return fut.result()",
      "asyncio.exceptions.CancelledError",
      "",
      "The above exception was the direct cause of the following exception:",
      "",
      "  + Exception Group Traceback (most recent call last):",
      '  |   File "submission.py", line 20, in <module>',
      "  |     asyncio.run(main())",
      '  |   File "/usr/lib/python3.11/asyncio/runners.py", line 190, in run',
      "  |     return runner.run(main)",
      "  | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)",
      "  +-+---------------- 1 ----------------",
      "    | Traceback (most recent call last):",
      '    |   File "submission.py", line 7, in boom',
      '    |     raise ValueError("boom")',
      '    |   File "submission.py", line 7, in boom',
      "    |   [Previous line repeated 996 more times]",
      '    |   File "/usr/lib/python3.11/asyncio/locks.py", line 20, in acquire',
      "    |     [Previous line repeated 2 more times]",
      "    | ValueError: boom",
      "    +------------------------------------",
    ].join("\n");
    const error = studentError({ type: "ExceptionGroup", message: "ExceptionGroup: …", line: null, traceback: chained });
    expect(error.traceback.split("\n")).toEqual([
      "asyncio.exceptions.CancelledError",
      "",
      "The above exception was the direct cause of the following exception:",
      "",
      "  + Exception Group Traceback (most recent call last):",
      '  |   File "submission.py", line 20, in <module>',
      "  |     asyncio.run(main())",
      "  | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)",
      "  +-+---------------- 1 ----------------",
      "    | Traceback (most recent call last):",
      '    |   File "submission.py", line 7, in boom',
      '    |     raise ValueError("boom")',
      '    |   File "submission.py", line 7, in boom',
      "    |   [Previous line repeated 996 more times]",
      "    | ValueError: boom",
      "    +------------------------------------",
      "",
    ]);
    expect(error.line).toBe(7);
  });

  test("a syntax error keeps its line and column; nothing of another type or out of range is believed", () => {
    const syntax = studentError(
      { type: "SyntaxError", message: "unmatched ')'", line: 4, column: 19, traceback: '  File "submission.py", line 4\n    x = 1 )\n          ^\nSyntaxError: unmatched \')\'\n' },
      true,
    );
    expect(syntax).toMatchObject({ type: "SyntaxError", line: 4, column: 19 });
    expect(syntax.traceback).toContain("x = 1 )");
    // Past the end (an unclosed bracket reported on the line after the last): the last line.
    expect(studentError({ type: "SyntaxError", line: 31, column: 1, traceback: '  File "submission.py", line 31\nSyntaxError: x\n' }, true).line).toBe(30);
    const forged = studentError({ type: ["KeyError"], message: 7, line: true, column: 3, traceback: '  File "submission.py", line 0, in f\nKeyError\n' });
    expect(forged).toEqual({ type: "Exception", message: "", line: null, column: null, traceback: '  File "submission.py", line 0, in f\nKeyError\n' });
    // A column only for a syntax error.
    expect(studentError({ type: "KeyError", column: 4, traceback: '  File "submission.py", line 2, in f\n    g()\nKeyError\n' }).column).toBeNull();
  });

  test("a traceback far too long keeps its end (the exception and the innermost frames)", () => {
    const frames = Array.from({ length: 4000 }, (_, index) => `  File "submission.py", line ${(index % 30) + 1}, in f${index}\n    f${index + 1}()`).join("\n");
    const error = studentError({ type: "RecursionError", traceback: `Traceback (most recent call last):\n${frames}\nRecursionError: deep` });
    expect(error.traceback.length).toBeLessThanOrEqual(32_000);
    expect(error.traceback.startsWith("…\n")).toBe(true);
    expect(error.traceback.endsWith("RecursionError: deep\n")).toBe(true);
  });
});

describe("each test's output (judge/output.py)", () => {
  const { testOutputHeadBytes: head, testOutputTailBytes: tail, testsOutputBytes: total } = RESULT_BOUNDS;

  function texts(chunks: { stdout?: string[]; stderr?: string[] }[]): { stdout: string; stderr: string }[] {
    return python(
      `from awaitable.judge.output import TestOutput, output_texts
outputs = []
for test in INPUT:
    if test is None:
        outputs.append(None)
        continue
    output = TestOutput()
    for stream in ("stdout", "stderr"):
        for chunk in test.get(stream, []):
            output.add(stream, chunk.encode())
    outputs.append(output)
print(json.dumps(output_texts(outputs), ensure_ascii=False))`,
      chunks,
    ) as { stdout: string; stderr: string }[];
  }

  test("output within the bounds is kept whole, byte for byte", () => {
    const [first, second, skipped] = texts([{ stdout: ["hello\n", "你好\n"], stderr: ["warn\n"] }, { stdout: [] }, null as never]);
    expect(first).toEqual({ stdout: "hello\n你好\n", stderr: "warn\n" });
    expect(second).toEqual({ stdout: "", stderr: "" });
    expect(skipped).toEqual({ stdout: "", stderr: "" });
  });

  test("a test that prints without end keeps its head and tail, says what was left out, and never cuts a character", () => {
    const line = "AWAITABLE-RESULT 2 99\n{\"verdict\":\"PASSED\"} 好\n"; // multi-byte characters straddle every cut
    const chunks = Array.from({ length: 4000 }, () => line);
    const printed = Buffer.byteLength(line) * chunks.length;
    const [result] = texts([{ stdout: chunks }]);
    const text = result?.stdout ?? "";
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(head + tail + 300);
    expect(text).toContain(`output truncated: ${printed} bytes`);
    expect(text).toContain("输出过长");
    expect(text.startsWith(line)).toBe(true);
    expect(text.endsWith(line)).toBe(true);
    expect(text).not.toContain("\\x");
  });

  test("all tests together keep at most testsOutputBytes, shared fairly", () => {
    const big = "x".repeat(60_000) + "\n";
    const many = Array.from({ length: 24 }, () => ({ stdout: [big], stderr: [big] }));
    const results = texts([{ stdout: ["small\n"] }, ...many]);
    expect(results[0]?.stdout).toBe("small\n");
    const kept = results.reduce((sum, result) => sum + Buffer.byteLength(result.stdout) + Buffer.byteLength(result.stderr), 0);
    // Each cut stream adds its note (~150 bytes) to its share.
    expect(kept).toBeLessThanOrEqual(total + 48 * 200);
    const sizes = new Set(results.slice(1).map((result) => Buffer.byteLength(result.stdout)));
    expect(sizes.size).toBe(1);
  });
});

describe("the traces of a document (judge/traces.py)", () => {
  type Trace = { events: unknown[]; tasks: unknown[]; truncated: boolean };
  function fit(traces: { events: number; tasks: number; label: number; copies: number }[], maxEvents: number, maxBytes: number): Trace[] {
    return python(
      `from awaitable.judge.traces import fit_traces
traces = []
for spec in INPUT["traces"]:
    label = "好" * spec["label"]
    trace = {"elapsed": 1.0, "peakInFlight": 1, "truncated": False, "threads": [], "blocking": [], "neverAwaited": [],
             "tasks": [{"id": n, "label": label} for n in range(spec["tasks"])],
             "events": [{"t": 0, "kind": "create", "task": n % 7, "label": label} for n in range(spec["events"])]}
    traces.append((trace, spec["copies"]))
before = json.dumps([trace for trace, _ in traces])
fitted = fit_traces(traces, INPUT["maxEvents"], INPUT["maxBytes"])
assert json.dumps([trace for trace, _ in traces]) == before, "an original trace was changed"
print(json.dumps([fitted[id(trace)] for trace, _ in traces], ensure_ascii=False))`,
      { traces, maxEvents, maxBytes },
    ) as Trace[];
  }
  const bytes = (traces: Trace[], copies: number[]) => traces.reduce((sum, trace, index) => sum + Buffer.byteLength(JSON.stringify(trace)) * (copies[index] ?? 1), 0);

  test("traces within the budget are kept whole", () => {
    const fitted = fit([{ events: 50, tasks: 5, label: 1, copies: 1 }, { events: 80, tasks: 9, label: 1, copies: 2 }], 20_000, 1 << 20);
    expect(fitted.map((trace) => [trace.events.length, trace.tasks.length, trace.truncated])).toEqual([[50, 5, false], [80, 9, false]]);
  });

  test("events are shared out fairly over every copy, the small traces keeping all of theirs", () => {
    const fitted = fit(
      [{ events: 100, tasks: 1, label: 1, copies: 1 }, { events: 9000, tasks: 1, label: 1, copies: 2 }, { events: 9000, tasks: 1, label: 1, copies: 1 }],
      20_000,
      64 << 20,
    );
    // 100 + 3 × 6633 ≤ 20 000 (the copy of the second counts again).
    expect(fitted.map((trace) => [trace.events.length, trace.truncated])).toEqual([[100, false], [6633, true], [6633, true]]);
  });

  test("long labels and many tasks are cut until the JSON fits its byte budget", () => {
    const copies = [2, 1];
    const fitted = fit([{ events: 5000, tasks: 3000, label: 300, copies: 2 }, { events: 10, tasks: 2, label: 1, copies: 1 }], 20_000, 1 << 20);
    expect(bytes(fitted, copies)).toBeLessThanOrEqual(1 << 20);
    expect(fitted[0]?.truncated).toBe(true);
    expect(fitted[1]).toMatchObject({ truncated: false });
    expect(fitted[1]?.events).toHaveLength(10);
  });
});

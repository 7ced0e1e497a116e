import { describe, expect, test } from "vitest";
import { RESULT_VERSION } from "./contract";
import { readChannel } from "./run-harness";
import { defaultSpawner, SandboxUnavailableError } from "./spawn";

const document = {
  version: RESULT_VERSION, mode: "run", verdict: "PASSED", score: null, message: null, clock: "virtual", cpu: "free", elapsed: 0.5,
  exercise: null, tests: [], error: null, trace: null, tampering: [], cpuWork: null, python: "3.11.2", harness: "2.0.0", timings: {},
};
const testResult = (fields: Record<string, unknown> = {}) => ({
  id: "t", name: { "zh-CN": "测试", en: "test" }, status: "passed", weight: 1, message: null, misconception: null, messageKind: null,
  duration: 0.5, expected: { seconds: 0.5, tolerance: 0.01 }, trace: null, stdout: "", stderr: "", ...fields,
});
const frame = (body: string, version = RESULT_VERSION) => Buffer.from(`AWAITABLE-RESULT ${version} ${Buffer.byteLength(body)}\n${body}\n`);

describe("readChannel (the judge's result)", () => {
  test("accepts exactly one well-formed frame", () => {
    expect(readChannel(frame(JSON.stringify(document))).kind).toBe("document");
    const graded = { ...document, mode: "grade", tests: [testResult({ stdout: "hello\n" })] };
    expect(readChannel(frame(JSON.stringify(graded))).kind).toBe("document");
  });
  test("reports a missing result", () => {
    expect(readChannel(Buffer.alloc(0)).kind).toBe("missing");
  });
  test.each([
    ["another version", frame(JSON.stringify(document), RESULT_VERSION + 1)],
    ["bytes before the frame", Buffer.concat([Buffer.from("x"), frame(JSON.stringify(document))])],
    ["two frames", Buffer.concat([frame(JSON.stringify(document)), frame(JSON.stringify(document))])],
    ["a body that is not the schema", frame(JSON.stringify({ ...document, verdict: "GREAT" }))],
    ["text in the old shape of bilingual text", frame(JSON.stringify({ ...document, message: { zh: "好", en: "good" } }))],
    ["a test without its own run (trace, stdout, stderr)", frame(JSON.stringify({ ...document, mode: "grade", tests: [testResult({ stdout: undefined })] }))],
    ["an error without its column", frame(JSON.stringify({ ...document, error: { type: "KeyError", message: "KeyError: 'x'", line: 3, traceback: "" } }))],
    ["an error whose line is not a line", frame(JSON.stringify({ ...document, error: { type: "KeyError", message: "", line: 0, column: null, traceback: "" } }))],
  ])("rejects %s", (_name, buffer) => {
    expect(readChannel(buffer).kind).toBe("malformed");
  });
});

describe("defaultSpawner", () => {
  const broken = async () => ({ ok: false as const, problems: ["/usr/bin/python3 cannot import seccomp (apt-get install python3-seccomp)"] });

  test("refuses to run student code when the sandbox does not work, naming what is missing", async () => {
    await expect(defaultSpawner({}, broken)).rejects.toThrow(SandboxUnavailableError);
    await expect(defaultSpawner({ AWAITABLE_UNSANDBOXED: "0" }, broken)).rejects.toThrow(/apt-get install python3-seccomp/);
  });

  test("runs unsandboxed only behind the explicit development setting", async () => {
    const spawner = await defaultSpawner({ AWAITABLE_UNSANDBOXED: "1" }, broken);
    expect(spawner.sandboxed).toBe(false);
  });

  test("uses the sandbox when its self-check passes", async () => {
    expect((await defaultSpawner({})).sandboxed).toBe(true);
  });
});

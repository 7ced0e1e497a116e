import { describe, expect, test } from "vitest";
import { RESULT_VERSION } from "./contract";
import { readChannel } from "./run-harness";
import { defaultSpawner, SandboxUnavailableError } from "./spawn";

const document = {
  version: RESULT_VERSION, mode: "run", verdict: "PASSED", score: null, message: null, clock: "virtual", cpu: "free", elapsed: 0.5,
  exercise: null, tests: [], error: null, trace: null, tampering: [], cpuWork: null, python: "3.11.2", harness: "2.0.0", timings: {},
};
const frame = (body: string, version = RESULT_VERSION) => Buffer.from(`AWAITABLE-RESULT ${version} ${Buffer.byteLength(body)}\n${body}\n`);

describe("readChannel (the judge's result)", () => {
  test("accepts exactly one well-formed frame", () => {
    expect(readChannel(frame(JSON.stringify(document))).kind).toBe("document");
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

import { describe, expect, test } from "vitest";
import { readChannel } from "./run-harness";
import { defaultSpawner, SandboxUnavailableError } from "./spawn";

const nonce = "0123456789abcdef0123456789abcdef";
const document = {
  version: 1, mode: "run", verdict: "PASSED", score: null, message: null, clock: "virtual", cpu: "free", elapsed: 0.5,
  exercise: null, tests: [], error: null, trace: null, python: "3.11.2", harness: "1.0.0", timings: {},
};
const frame = (body: string, frameNonce = nonce) => Buffer.from(`AWAITABLE-RESULT 1 ${frameNonce} ${Buffer.byteLength(body)}\n${body}\n`);

describe("readChannel", () => {
  test("accepts exactly one well-formed frame", () => {
    const reading = readChannel(frame(JSON.stringify(document)), nonce);
    expect(reading.kind).toBe("document");
  });
  test("reports a missing result", () => {
    expect(readChannel(Buffer.alloc(0), nonce).kind).toBe("missing");
  });
  test.each([
    ["wrong nonce", frame(JSON.stringify(document), "f".repeat(32))],
    ["bytes before the frame", Buffer.concat([Buffer.from("x"), frame(JSON.stringify(document))])],
    ["two frames", Buffer.concat([frame(JSON.stringify(document)), frame(JSON.stringify(document))])],
    ["a body that is not the schema", frame(JSON.stringify({ ...document, verdict: "GREAT" }))],
  ])("rejects %s as tampering", (_name, buffer) => {
    expect(readChannel(buffer, nonce).kind).toBe("tampered");
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

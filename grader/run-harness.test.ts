import { describe, expect, test } from "vitest";
import { defaultSpawner, readChannel, SandboxUnavailableError } from "./run-harness";

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
  test("refuses to run student code without a sandbox unless explicitly told", () => {
    expect(() => defaultSpawner({})).toThrow(SandboxUnavailableError);
    expect(() => defaultSpawner({ AWAITABLE_UNSANDBOXED: "0" })).toThrow(/sandbox/);
  });
});

import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { assertSameOrigin, badTextPath, readJsonBody } from "./request-guard";

const SITE = "http://localhost:3000";

function post(headers: Record<string, string>, body?: BodyInit, method = "POST") {
  return new Request(`${SITE}/api/submissions`, { method, headers, body, duplex: "half" } as RequestInit);
}

async function refusal(promise: Promise<unknown> | (() => unknown)) {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, status: error.status, message: error.userMessage, issues: error.issues };
    throw error;
  }
  return null;
}

describe("assertSameOrigin", () => {
  it("accepts this site's own Origin and a request from no browser", async () => {
    expect(await refusal(() => assertSameOrigin(post({ origin: SITE })))).toBeNull();
    expect(await refusal(() => assertSameOrigin(post({})))).toBeNull();
    expect(await refusal(() => assertSameOrigin(post({ "sec-fetch-site": "same-origin" })))).toBeNull();
    expect(await refusal(() => assertSameOrigin(post({ "sec-fetch-site": "none" })))).toBeNull();
  });

  it("refuses a foreign or opaque Origin with a bilingual 403, whatever the method", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const refused = await refusal(() => assertSameOrigin(post({ origin: "https://evil.test" }, undefined, method)));
      expect(refused).toMatchObject({ code: "FORBIDDEN", status: 403 });
      expect(refused?.message["zh-CN"]).toContain("其他网站");
      expect(refused?.message.en).toContain("another site");
    }
    expect(await refusal(() => assertSameOrigin(post({ origin: "null" })))).toMatchObject({ status: 403 });
    expect(await refusal(() => assertSameOrigin(post({ origin: "http://localhost:3001" })))).toMatchObject({ status: 403 });
  });

  it("refuses a cross-site or same-site fetch that sent no Origin", async () => {
    expect(await refusal(() => assertSameOrigin(post({ "sec-fetch-site": "cross-site" })))).toMatchObject({ status: 403 });
    expect(await refusal(() => assertSameOrigin(post({ "sec-fetch-site": "same-site" })))).toMatchObject({ status: 403 });
  });

  it("leaves reads alone", async () => {
    expect(await refusal(() => assertSameOrigin(post({ origin: "https://evil.test" }, undefined, "GET")))).toBeNull();
  });
});

describe("readJsonBody", () => {
  const json = { "content-type": "application/json" };

  it("reads JSON declared as JSON, with its charset, emoji and Chinese intact", async () => {
    const value = { code: "print('你好 🐍')" };
    expect(await readJsonBody(post({ "content-type": "application/json; charset=utf-8" }, JSON.stringify(value)))).toEqual(value);
  });

  it("refuses a body not declared as JSON with a 415 (what a cross-site form sends)", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      expect(await refusal(readJsonBody(post({ "content-type": type }, '{"code":"x"}')))).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", status: 415 });
    }
    expect(await refusal(readJsonBody(post({}, '{"code":"x"}')))).toMatchObject({ status: 415 });
  });

  it("stops reading a chunked body as soon as it passes the cap", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 768) controller.close(); // 48 MiB in all
        else controller.enqueue(chunk);
      },
    });
    const refused = await refusal(readJsonBody(post(json, stream), 256 * 1024));
    expect(refused).toMatchObject({ code: "PAYLOAD_TOO_LARGE", status: 413 });
    expect(refused?.message.en).toContain("at most 256 KiB");
    // 256 KiB is 4 chunks: the fifth passes the cap; a few more may be in the stream's queue.
    expect(pulled).toBeLessThan(10);
  });

  it("refuses a declared Content-Length past the cap without reading", async () => {
    expect(await refusal(readJsonBody(post({ ...json, "content-length": String(10 * 1024 * 1024) }, "{}"), 1024))).toMatchObject({ status: 413 });
  });

  it("refuses bytes that are not UTF-8 instead of replacing them", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]); // {"a":"\xff\xfe"}
    const refused = await refusal(readJsonBody(post(json, bytes)));
    expect(refused).toMatchObject({ code: "INVALID_TEXT", status: 400 });
    expect(refused?.message.en).toBe("The request body is not valid UTF-8 text.");
  });

  it("refuses a NUL and a lone surrogate, naming the field", async () => {
    const nul = await refusal(readJsonBody(post(json, '{"name":"a\\u0000b"}')));
    expect(nul).toMatchObject({ code: "INVALID_TEXT", status: 400 });
    expect(nul?.issues[0]?.path).toBe("name");
    const surrogate = await refusal(readJsonBody(post(json, '{"code":["ok","\\ud800x"]}')));
    expect(surrogate).toMatchObject({ code: "INVALID_TEXT" });
    expect(surrogate?.issues[0]?.path).toBe("code.1");
    expect(surrogate?.message["zh-CN"]).toContain("代理字符");
  });

  it("refuses JSON that does not parse", async () => {
    expect(await refusal(readJsonBody(post(json, "{nope")))).toMatchObject({ code: "INVALID_JSON", status: 400 });
  });
});

describe("badTextPath", () => {
  it("accepts paired surrogates and finds bad keys", () => {
    expect(badTextPath({ a: ["🐍", { b: "x" }] })).toBeNull();
    expect(badTextPath({ "\udc00": 1 })).toEqual({ path: "\udc00", what: "surrogate" });
  });
});

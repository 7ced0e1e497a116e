import { describe, expect, it } from "vitest";
import { authBodyProblem, contentSecurityPolicy, isMalformedPath, newNonce, requestProblem, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("a fresh nonce each time, in the script policy; no framing; no sniffing", () => {
    const first = newNonce();
    expect(first).not.toBe(newNonce());
    expect(Buffer.from(first, "base64")).toHaveLength(16);
    const headers = securityHeaders(first);
    expect(headers["content-security-policy"]).toContain(`script-src 'self' 'nonce-${first}' 'strict-dynamic'`);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("object-src 'none'");
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers).toMatchObject({ "x-frame-options": "DENY", "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin" });
  });

  it("the dev server gets what fast refresh needs, and only it", () => {
    expect(contentSecurityPolicy("n", true)).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", false)).not.toContain("ws:");
  });

  it("finds paths whose percent-encoding is broken", () => {
    expect(isMalformedPath("/api/submissions/%E0%A4%A")).toBe(true);
    expect(isMalformedPath("/exercises/%ZZ")).toBe(true);
    expect(isMalformedPath("/exercises/gather-three-users")).toBe(false);
    expect(isMalformedPath("/exercises/%E4%BD%A0")).toBe(false);
  });
});

describe("authBodyProblem", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);
  it("refuses a large or length-less body to next-auth, and nothing else", () => {
    expect(authBodyProblem("POST", "/api/auth/callback/credentials", headers({ "content-length": "300" }))).toBeNull();
    expect(authBodyProblem("POST", "/api/auth/callback/credentials", headers({ "content-length": String(48 * 1024 * 1024) }))?.status).toBe(413);
    expect(authBodyProblem("POST", "/api/auth/signout", headers({ "transfer-encoding": "chunked" }))?.status).toBe(411);
    expect(authBodyProblem("GET", "/api/auth/session", headers({ "transfer-encoding": "chunked" }))).toBeNull();
    expect(authBodyProblem("POST", "/api/submissions", headers({ "content-length": String(48 * 1024 * 1024) }))).toBeNull();
  });
});

describe("requestProblem", () => {
  it("refuses a malformed path with a bilingual 400, and passes the auth limits on", () => {
    const problem = requestProblem("GET", "/exercises/%E0%A4%A", new Headers());
    expect(problem).toMatchObject({ status: 400, error: { code: "INVALID_REQUEST" } });
    expect(problem?.error.message.en).toContain("percent-encoding");
    expect(requestProblem("POST", "/api/auth/signout", new Headers({ "transfer-encoding": "chunked" }))?.status).toBe(411);
    expect(requestProblem("GET", "/exercises/gather-three-users", new Headers())).toBeNull();
  });
});

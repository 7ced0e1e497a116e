import { describe, expect, it } from "vitest";
import { authHref, safeCallbackUrl } from "./form-text";

describe("safeCallbackUrl", () => {
  it("keeps this site's paths, with their query and fragment", () => {
    expect(safeCallbackUrl("/exercises/gather-three-users?tab=history#top")).toBe("/exercises/gather-three-users?tab=history#top");
    expect(safeCallbackUrl(["/admin", "/other"])).toBe("/admin");
    expect(safeCallbackUrl("/a/../b")).toBe("/b");
  });

  it.each([
    undefined, "", "https://evil.test", "//evil.test", "/\\evil.test", "/%5Cevil.test".replace("%5C", "\\"), "/\t/evil.test",
    "/\n/evil.test", "\\\\evil.test", "javascript:alert(1)", "evil.test/x", "/\u0000x",
  ])("refuses %j (it would leave the site)", (value) => {
    expect(safeCallbackUrl(value)).toBe("/");
  });

  it("keeps an encoded backslash encoded (it stays a path on this site)", () => {
    expect(safeCallbackUrl("/%5Cevil.test")).toBe("/%5Cevil.test");
  });
});

describe("authHref", () => {
  it("comes back to the page it was left from, never to an auth page or off the site", () => {
    expect(authHref("/signup", "/exercises/gather-three-users?tab=1")).toBe("/signup?callbackUrl=%2Fexercises%2Fgather-three-users%3Ftab%3D1");
    expect(authHref("/signin", "/")).toBe("/signin");
    expect(authHref("/signin", "/signup?callbackUrl=/x")).toBe("/signin");
    expect(authHref("/signup", "//evil.test")).toBe("/signup");
    expect(authHref("/signup", null)).toBe("/signup");
  });
});

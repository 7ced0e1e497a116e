import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./form-text";

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

import { describe, expect, it } from "vitest";
import { passwordWeakness } from "./password-strength";

describe("passwordWeakness", () => {
  it.each(["password", "12345678", "Password", "qwertyuiop", "iloveyou", "aaaaaaaaaa", "abababab", "pass word"])("refuses the common %j", (password) => {
    expect(passwordWeakness(password, "ada@example.org")).toBe("error.passwordCommon");
  });

  it("refuses the email, or its name part", () => {
    expect(passwordWeakness("ada.lovelace@example.org", "ada.lovelace@example.org")).toBe("error.passwordLikeEmail");
    expect(passwordWeakness("Ada.Lovelace", "ada.lovelace@example.org")).toBe("error.passwordLikeEmail");
  });

  it.each(["correct horse battery", "gather-three-users!", "我的异步密码很长很长"])("accepts %j", (password) => {
    expect(passwordWeakness(password, "ada@example.org")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { storeNewJoinCode } from "./store-new-join-code";

const collision = () => Object.assign(new Error("unique"), { code: "P2002" });

describe("storeNewJoinCode", () => {
  it("draws again when the code is taken", async () => {
    const codes = ["TAKEN222", "TAKEN333", "FREE2222"];
    const tried: string[] = [];
    const stored = await storeNewJoinCode(
      async (code) => {
        tried.push(code);
        if (code.startsWith("TAKEN")) throw collision();
        return code;
      },
      () => codes.shift() ?? "",
    );
    expect(stored).toBe("FREE2222");
    expect(tried).toEqual(["TAKEN222", "TAKEN333", "FREE2222"]);
  });

  it("gives up with a bilingual error after a few collisions, and passes other errors through", async () => {
    const always = storeNewJoinCode(async () => Promise.reject(collision()), () => "SAME2222");
    await expect(always).rejects.toBeInstanceOf(AppError);
    await expect(storeNewJoinCode(async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
  });
});

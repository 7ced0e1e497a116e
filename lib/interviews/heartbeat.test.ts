import { describe, expect, it } from "vitest";
import { addFocusTime } from "./heartbeat";
import { FOCUS_STRETCH_MAX_SECONDS } from "./formats";

const start = new Date("2026-12-05T10:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
const session = (fields: Partial<Parameters<typeof addFocusTime>[0]> = {}) => ({
  itemSeconds: [0, 5, 0],
  focusPosition: 1 as number | null,
  focusAt: at(0) as Date | null,
  endsAt: at(1200),
  ...fields,
});

describe("addFocusTime", () => {
  it("adds the stretch since the last report to the item that was open", () => {
    expect(addFocusTime(session(), at(12.5))).toEqual([0, 17.5, 0]);
    expect(addFocusTime(session({ focusPosition: 0 }), at(3))).toEqual([3, 5, 0]);
  });

  it(`counts at most ${FOCUS_STRETCH_MAX_SECONDS} s of one stretch: a device asleep is not time spent`, () => {
    expect(FOCUS_STRETCH_MAX_SECONDS).toBe(30);
    expect(addFocusTime(session(), at(600))).toEqual([0, 35, 0]);
  });

  it("counts nothing past the deadline", () => {
    expect(addFocusTime(session({ focusAt: at(1195) }), at(1260))).toEqual([0, 10, 0]);
    expect(addFocusTime(session({ focusAt: at(1210) }), at(1220))).toEqual([0, 5, 0]);
  });

  it("counts nothing backwards, nor with no item open or one out of range", () => {
    expect(addFocusTime(session({ focusAt: at(10) }), at(5))).toEqual([0, 5, 0]);
    expect(addFocusTime(session({ focusPosition: null }), at(10))).toEqual([0, 5, 0]);
    expect(addFocusTime(session({ focusAt: null }), at(10))).toEqual([0, 5, 0]);
    expect(addFocusTime(session({ focusPosition: 3 }), at(10))).toEqual([0, 5, 0]);
  });

  it("returns a new array, to the millisecond", () => {
    const before = session();
    const after = addFocusTime(before, at(1.234));
    expect(after).toEqual([0, 6.234, 0]);
    expect(before.itemSeconds).toEqual([0, 5, 0]);
  });
});

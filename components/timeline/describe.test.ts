import { describe, expect, it } from "vitest";
import { en, zhCN } from "@/lib/i18n/areas/timeline";
import { loadFixture } from "@/lib/timeline/fixtures";
import { buildTimeline } from "@/lib/timeline/model";
import { creationText, formatSeconds, labelText, makeText, segmentSentence, shortTitle } from "./describe";

describe("the timeline's words", () => {
  it("every message has both languages and the same placeholders in each", () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(en[key].length).toBeGreaterThan(0);
      expect(placeholders(en[key])).toEqual(placeholders(zhCN[key]));
    }
  });

  it("says what a wait waits on, in each language", () => {
    const zh = makeText("zh-CN");
    const english = makeText("en");
    const sleep = { kind: "sleep", seconds: 0.5, until: 1.5 } as const;
    expect(labelText(zh, sleep)).toBe("asyncio.sleep(0.5):睡到第 1.5 秒");
    expect(labelText(english, sleep)).toBe("asyncio.sleep(0.5): until 1.5 s");
    expect(labelText(english, sleep, true)).toBe("sleep 0.5 s");
    expect(labelText(english, { kind: "http", method: "GET", url: "https://api.example.com/1" })).toBe("HTTP request GET https://api.example.com/1");
    expect(labelText(english, { kind: "queue", op: "get" })).toBe("an item from a queue (Queue.get)");
    expect(labelText(zh, { kind: "lock" })).toBe("等锁(Lock.acquire)");
    expect(labelText(english, { kind: "blocking", call: "time.sleep", seconds: 1, detail: null, task: 2 })).toBe("time.sleep(1) blocked the event loop");
    expect(labelText(english, { kind: "blocking", call: "requests.get", seconds: 2, detail: "https://httpbin.org/get", task: 2 })).toBe(
      "requests.get(2) blocked the event loop: https://httpbin.org/get",
    );
    expect(labelText(english, { kind: "loop", blockedBy: "time.sleep" })).toBe("ready, but the event loop was blocked by time.sleep");
  });

  it("the page's messages win over the area's own table", () => {
    const text = makeText("en", { "timeline.lane.loop": "the loop" });
    expect(text("timeline.lane.loop")).toBe("the loop");
    expect(text("timeline.seconds", { value: 3 })).toBe("3 s");
  });

  it("one sentence per bar for screen readers, and who created the lane", () => {
    const model = buildTimeline(loadFixture("sequential"));
    const world = model.lanes.find((lane) => lane.title === "say_after(2, 'World')");
    const wait = world?.segments.find((segment) => segment.state === "waiting");
    if (!world || !wait) throw new Error("no World lane");
    const text = makeText("en");
    expect(segmentSentence(text, world, wait)).toBe("say_after(2, 'World'), waiting, 1–3 s (2 s), asyncio.sleep(2): until 3 s");
    expect(creationText(text, model, world)).toBe("created by main_tasks() at 1 s");
  });

  it("shortens long lane names in the middle and rounds seconds for reading", () => {
    expect(shortTitle("fetch_api('https://api.example.com/917', Semaphore)")).toBe("fetch_api(…e.com/917', Semaphore)");
    expect(shortTitle("crawl('https://a.example/x')")).toBe("crawl(…example/x')");
    expect(shortTitle("say_after(1, 'Hello')")).toBe("say_after(1, 'Hello')");
    expect(formatSeconds(0.755906)).toBe("0.756");
    expect(formatSeconds(100)).toBe("100");
    expect(formatSeconds(0.0004)).toBe("0.00040");
  });
});

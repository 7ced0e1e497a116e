import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeSources, groupSources, sectionLabel } from "./describe-sources";
import { ZSeedsFile } from "./schemas";

const seeds = ZSeedsFile.parse({
  seeds: [
    {
      seed: "001",
      title: "一文学会 Python 异步编程!",
      sections: [
        { id: "1", title: "一、先搞懂:啥是异步编程?" },
        { id: "5.1", title: "1. 任务取消:task.cancel ()" },
        { id: "intro", title: "开头:能不能 2 秒搞定" },
      ],
    },
    {
      seed: "003",
      title: "深度指南（作者注）",
      label: "深度指南",
      sections: [
        { id: "3.1", title: "3.1 asyncio.sleep()" },
        { id: "4.5", title: "1. 标题有误", label: "asyncio.sleep()函数" },
      ],
    },
  ],
}).seeds;

describe("describeSources", () => {
  it("names each tutorial by its title and each section by its number and heading, without the seed's own numbering", () => {
    const sources = describeSources(
      [
        { seed: "001", section: "5.1" },
        { seed: "001", section: "1" },
        { seed: "001", section: "intro" },
        { seed: "003", section: "3.1" },
        { seed: "003", section: "4.5" },
      ],
      seeds,
    );
    expect(sources).toEqual([
      { tutorial: "一文学会 Python 异步编程!", section: "5.1", title: "任务取消:task.cancel ()" },
      { tutorial: "一文学会 Python 异步编程!", section: "1", title: "先搞懂:啥是异步编程?" },
      { tutorial: "一文学会 Python 异步编程!", section: null, title: "开头:能不能 2 秒搞定" },
      { tutorial: "深度指南", section: "3.1", title: "asyncio.sleep()" },
      { tutorial: "深度指南", section: "4.5", title: "asyncio.sleep()函数" },
    ]);
    expect(sectionLabel(sources[0]!)).toBe("§ 5.1 任务取消:task.cancel ()");
    expect(sectionLabel(sources[2]!)).toBe("开头:能不能 2 秒搞定");
    expect(groupSources(sources)).toEqual([
      { tutorial: "一文学会 Python 异步编程!", sections: ["§ 5.1 任务取消:task.cancel ()", "§ 1 先搞懂:啥是异步编程?", "开头:能不能 2 秒搞定"] },
      { tutorial: "深度指南", sections: ["§ 3.1 asyncio.sleep()", "§ 4.5 asyncio.sleep()函数"] },
    ]);
  });

  it("leaves out a reference seeds.json does not know (the loader reports it)", () => {
    expect(describeSources([{ seed: "002", section: "1" }, { seed: "001", section: "9.9" }], seeds)).toEqual([]);
  });

  it("never shows a seed's file prefix or an author's note for the course's own seeds.json", () => {
    const file = path.join(process.cwd(), "exercises/asyncio/seeds.json");
    const all = ZSeedsFile.parse(JSON.parse(readFileSync(file, "utf8"))).seeds;
    const references = all.flatMap((seed) => seed.sections.map((section) => ({ seed: seed.seed, section: section.id })));
    const sources = describeSources(references, all);
    expect(sources).toHaveLength(references.length);
    for (const source of sources) {
      expect(`${source.tutorial} ${source.title}`).not.toMatch(/seeds\/|无编号标题|原文编号与标题有误/);
      expect(source.title).not.toMatch(/^(\d+(\.\d+)*\.?\s|[一二三四五六七八九十]+、)/);
    }
  });
});

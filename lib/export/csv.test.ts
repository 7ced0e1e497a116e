import { describe, expect, it } from "vitest";
import { attachmentDisposition, csvField, toCsv } from "./csv";

describe("csvField", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvField("Ana")).toBe("Ana");
    expect(csvField(0.5)).toBe("0.5");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(true)).toBe("yes");
    expect(csvField(new Date("2026-12-01T08:00:00Z"))).toBe("2026-12-01T08:00:00.000Z");
  });

  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\r\nlf")).toBe('"cr\r\nlf"');
  });

  it("turns text a spreadsheet would run as a formula into text", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tx")).toBe("'\tx");
    expect(csvField("\rx")).toBe("\"'\rx\"");
    expect(csvField("a=b")).toBe("a=b");
  });
});

describe("toCsv", () => {
  it("starts with the UTF-8 BOM and ends each record with CRLF", () => {
    const csv = toCsv(["name", "score"], [["张三", 1], ["Bo, Jr.", null]]);
    expect(csv).toBe('\uFEFFname,score\r\n张三,1\r\n"Bo, Jr.",\r\n');
    expect([...Buffer.from(csv, "utf8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe("attachmentDisposition", () => {
  it("gives an ASCII fallback and the UTF-8 name", () => {
    expect(attachmentDisposition("进度-class.csv")).toBe(
      "attachment; filename=\"__-class.csv\"; filename*=UTF-8''%E8%BF%9B%E5%BA%A6-class.csv",
    );
  });
});

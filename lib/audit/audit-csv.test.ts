import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvField, csvRow } from "./audit-csv";

describe("audit CSV", () => {
  it("quotes commas, quotes and line breaks, and nothing else", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("cr\rlf")).toBe('"cr\rlf"');
    expect(csvField(null)).toBe("");
  });

  it("defuses cells a spreadsheet would run as formulas", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-cmd")).toBe("'-cmd");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("2026-01-01")).toBe("2026-01-01");
  });

  it("writes one CRLF-terminated row per event with JSON details", () => {
    const row = csvRow({
      seq: "7",
      time: "2026-01-01T00:00:00.000Z",
      actorType: "user",
      actorId: "u1",
      actorLabel: "ada@example.com",
      action: "secret.create",
      resourceType: "secret",
      resourceId: "s1",
      resourceName: "db,pw",
      namespace: "default",
      outcome: "success",
      ip: null,
      userAgent: 'agent "x"',
      requestId: null,
      details: '{"keys": ["a", "b"]}',
      prevHash: "p",
      hash: "h",
      leafIndex: "6",
      leafHash: "bGVhZg==",
    });
    expect(row).toBe(
      '7,2026-01-01T00:00:00.000Z,user,u1,ada@example.com,secret.create,secret,s1,"db,pw",default,success,,"agent ""x""",,"{""keys"": [""a"", ""b""]}",p,h,6,bGVhZg==\r\n',
    );
  });

  it('leaves the cells of an unsealed event after the hash chain empty, not "null"', () => {
    const row = csvRow({
      seq: "8",
      time: "2026-01-01T00:00:00.000Z",
      actorType: "system",
      actorId: null,
      actorLabel: null,
      action: "audit.verify",
      resourceType: null,
      resourceId: null,
      resourceName: null,
      namespace: null,
      outcome: "success",
      ip: null,
      userAgent: null,
      requestId: null,
      details: "{}",
      prevHash: null,
      hash: null,
      leafIndex: null,
      leafHash: null,
    });
    expect(row).toBe("8,2026-01-01T00:00:00.000Z,system,,,audit.verify,,,,,success,,,,{},,,,\r\n");
    expect(row.split(",")).toHaveLength(CSV_COLUMNS.length);
  });
});

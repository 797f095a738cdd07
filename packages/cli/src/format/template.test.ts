import { describe, expect, it } from "vitest";
import { CliError } from "../errors";
import { parseTemplate, type Row } from "./template";

const headers = { ID: "ID", Name: "NAME", Version: "VERSION", Labels: "LABELS" };
const rows: Row[] = [
  { fields: { ID: "abc", Name: "db_pw", Version: 2, Labels: "env=prod" }, labels: { env: "prod" } },
  { fields: { ID: "def", Name: "api_key", Version: 1, Labels: "" }, labels: {} },
];

describe("parseTemplate", () => {
  it("substitutes fields, one line per row", () => {
    expect(parseTemplate("{{.Name}}", headers).render(rows)).toBe("db_pw\napi_key\n");
  });

  it("turns the two characters \\t and \\n into a tab and a newline", () => {
    expect(parseTemplate("{{.ID}}\\t{{.Name}}", headers).render(rows)).toBe("abc\tdb_pw\ndef\tapi_key\n");
    expect(parseTemplate("{{.ID}}\\n{{ .Version }}", headers).render(rows.slice(0, 1))).toBe("abc\n2\n");
  });

  it("reads one label with .Label", () => {
    expect(parseTemplate('{{.Name}}={{.Label "env"}}', headers).render(rows)).toBe("db_pw=prod\napi_key=\n");
  });

  it("prints JSON for {{json .}} and {{json .Field}}", () => {
    expect(parseTemplate("{{json .}}", headers).render(rows.slice(0, 1))).toBe(
      '{"ID":"abc","Name":"db_pw","Version":2,"Labels":"env=prod"}\n',
    );
    expect(parseTemplate("{{json .Name}}", headers).render(rows.slice(0, 1))).toBe('"db_pw"\n');
  });

  it("aligns a table template under headers", () => {
    const template = parseTemplate("table {{.Name}}\\t{{.Version}}", headers);
    expect(template.table).toBe(true);
    expect(template.render(rows)).toBe("NAME      VERSION\ndb_pw     2\napi_key   1\n");
  });

  it("refuses unknown fields and broken actions before anything is fetched", () => {
    expect(() => parseTemplate("{{.Nmae}}", headers)).toThrow(CliError);
    expect(() => parseTemplate("{{.Nmae}}", headers)).toThrow(/template parsing error: no field \.Nmae \(fields: \.ID, \.Name/);
    expect(() => parseTemplate("{{range .}}", headers)).toThrow(/cannot evaluate/);
    expect(() => parseTemplate("{{.Name}", headers)).toThrow(/unbalanced/);
  });
});

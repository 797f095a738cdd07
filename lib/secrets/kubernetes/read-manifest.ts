// A manifest's text → its documents: one JSON value, or every document of
// a YAML stream (`---`). Errors name the line and the parser's code only:
// the yaml package's own messages quote the offending source line, which
// may be a secret's value.
import { LineCounter, parseAllDocuments } from "yaml";
import { BadRequest } from "../../errors";

export type ManifestFormat = "json" | "yaml";

// Aliases expand on conversion: a few hundred are plenty for a Secret and
// stop a "billion laughs" document from expanding into gigabytes.
const MAX_ALIAS_COUNT = 100;

const invalid = (message: string) => new BadRequest(message, { field: "manifest" });

/** The documents of the text, in order; empty YAML documents (a trailing `---`) are skipped. */
export function manifestDocuments(text: string, format: ManifestFormat): unknown[] {
  return format === "json" ? [parseJson(text)] : parseYaml(text);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalid("the manifest is not valid JSON");
  }
}

function parseYaml(text: string): unknown[] {
  // Kubernetes reads YAML as JSON with another syntax: no custom tags, so
  // the core schema (strings, numbers, booleans, null, maps, lists).
  const lines = new LineCounter();
  const documents = parseAllDocuments(text, { schema: "core", prettyErrors: false, uniqueKeys: true, lineCounter: lines });
  if (!Array.isArray(documents)) return []; // an empty stream
  return documents.flatMap((document, index) => {
    const error = document.errors[0];
    if (error) {
      const at = lines.linePos(error.pos[0]);
      const where = ` at line ${at.line}, column ${at.col}`;
      const which = documents.length > 1 ? ` (document ${index + 1})` : "";
      throw invalid(`the manifest is not valid YAML${where}${which}: ${yamlProblem(error.code)}`);
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      throw invalid(`the manifest's YAML document ${index + 1} uses too many aliases`);
    }
    return value === null || value === undefined ? [] : [value];
  });
}

/** The parser's error code in words; never the source text around it. */
function yamlProblem(code: string): string {
  switch (code) {
    case "DUPLICATE_KEY":
      return "a key appears twice in one mapping";
    case "BAD_INDENT":
    case "MISSING_CHAR":
    case "UNEXPECTED_TOKEN":
    case "BLOCK_AS_IMPLICIT_KEY":
      return `bad indentation or syntax (${code})`;
    case "TAB_AS_INDENT":
      return "tabs are not allowed as indentation";
    default:
      return code;
  }
}

/** For text without a media type (a pasted or picked file): JSON when it opens like JSON, else YAML. */
export function formatOfText(text: string): ManifestFormat {
  return /^\s*[{[]/.test(text) ? "json" : "yaml";
}

// Quoting for the one statement that cannot take bind parameters:
// `ALTER ROLE <ident> PASSWORD <literal>` is a utility command, so both parts
// are spliced into the text. Names are checked by the config schema too;
// quoting makes the statement safe whatever reaches it.

/** A double-quoted identifier: `"` doubled inside, so `a"b` is the role named a"b and nothing more. */
export function quoteIdent(name: string): string {
  if (!name || name.includes("\0")) throw new Error("a role name must be non-empty and without NUL");
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A standard string literal: `'` doubled inside. Backslashes are plain
 * characters with standard_conforming_strings on (the default since 9.1);
 * the session sets it explicitly so the literal means the same on any server.
 */
export function quoteLiteral(text: string): string {
  if (text.includes("\0")) throw new Error("a literal cannot hold NUL");
  return `'${text.replace(/'/g, "''")}'`;
}

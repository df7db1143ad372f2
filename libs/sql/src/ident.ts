// Identifier helpers. The parser already folds unquoted identifiers to lower case and keeps
// quoted ones verbatim, so names in the statement tree are final; these are for identifiers
// that arrive as TEXT (regclass literals like 'public."MyTable"', search_path entries, ...).

/** PostgreSQL's NAMEDATALEN - 1: longer identifiers are truncated (in bytes, at a char boundary). */
export const MAX_IDENTIFIER_BYTES = 63;

function truncate(name: string): string {
  if (Buffer.byteLength(name, 'utf8') <= MAX_IDENTIFIER_BYTES) return name;
  let out = '';
  let bytes = 0;
  for (const ch of name) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > MAX_IDENTIFIER_BYTES) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/**
 * One identifier as the lexer would read it: `"My ""T"""` -> `My "T"`, `MyTable` -> `mytable`.
 * Only ASCII A-Z are folded (downcase_identifier in a UTF-8 database). Truncated to 63 bytes.
 */
export function normalizeIdent(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    return truncate(text.slice(1, -1).replace(/""/g, '"'));
  }
  return truncate(text.replace(/[A-Z]/g, (c) => c.toLowerCase()));
}

/**
 * Quotes an identifier when PostgreSQL's quote_ident would: anything but lower-case letters,
 * digits, `_` and `$` (not leading), or an empty name. Keywords are not checked here.
 */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

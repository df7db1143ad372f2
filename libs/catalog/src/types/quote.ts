// quote_identifier as PostgreSQL's ruleutils.c does it: quote unless the name is a lower-case
// identifier that is not a (non-unreserved) keyword.
import { NON_UNRESERVED_KEYWORDS } from '../builtins/generated/keywords';

export function quoteIdentifier(name: string): string {
  const safe = /^[a-z_][a-z0-9_]*$/.test(name) && !NON_UNRESERVED_KEYWORDS.has(name);
  return safe ? name : `"${name.replace(/"/g, '""')}"`;
}

/** quote_qualified_identifier: `schema.name`, each part quoted as needed. */
export function quoteQualified(schema: string | undefined, name: string): string {
  return schema === undefined ? quoteIdentifier(name) : `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
}

/** quote_literal: single quotes doubled; backslashes make it an E'' literal. */
export function quoteLiteral(value: string): string {
  const body = value.replace(/'/g, "''");
  return value.includes('\\') ? `E'${body.replace(/\\/g, '\\\\')}'` : `'${body}'`;
}

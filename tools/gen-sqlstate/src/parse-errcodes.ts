// Parser for PostgreSQL's errcodes.txt format (src/backend/utils/errcodes.txt). The file is the
// single source of SQLSTATE codes: PostgreSQL generates errcodes.h from it, we generate
// libs/errors/src/generated/sqlstate.ts.
//
// Format (from the file's own header): one code per line,
//   sqlstate  E/W/S  errcode_macro_name  [spec_name]
// plus `Section: Class XX - description` lines; `#` lines and blank lines are comments.

/** One code line of errcodes.txt. */
export interface ErrcodeEntry {
  /** Five characters, e.g. '42601'. */
  sqlstate: string;
  /** E = error, W = warning, S = success. */
  kind: 'E' | 'W' | 'S';
  /** Macro name without the ERRCODE_ prefix, e.g. 'SYNTAX_ERROR'. */
  name: string;
  /** PL/pgSQL condition name, when the line has one. */
  condition?: string;
}

/** One `Section:` line: the SQLSTATE class (first two characters) and its description. */
export interface ErrcodeClass {
  classCode: string;
  description: string;
}

export interface Errcodes {
  entries: ErrcodeEntry[];
  classes: ErrcodeClass[];
}

const SECTION = /^Section: Class (\S\S) - (.+)$/;
const CODE_LINE = /^([0-9A-Z]{5})\s+([EWS])\s+ERRCODE_([A-Z0-9_]+)(?:\s+([a-z0-9_]+))?\s*$/;

/** Parses the whole file; throws on any line that is neither a comment, a section nor a code. */
export function parseErrcodes(text: string): Errcodes {
  const entries: ErrcodeEntry[] = [];
  const classes: ErrcodeClass[] = [];
  const seenNames = new Set<string>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    if (line === '' || line.startsWith('#')) return;
    const section = SECTION.exec(line);
    if (section) {
      classes.push({ classCode: section[1]!, description: section[2]! });
      return;
    }
    const code = CODE_LINE.exec(line);
    if (!code) throw new Error(`errcodes.txt:${index + 1}: unrecognised line: ${line}`);
    const name = code[3]!;
    // Two macro names may share one code (ARRAY_ELEMENT_ERROR / ARRAY_SUBSCRIPT_ERROR), but a
    // name must be unique or the generated object would silently drop one.
    if (seenNames.has(name)) throw new Error(`errcodes.txt:${index + 1}: duplicate name ${name}`);
    seenNames.add(name);
    const entry: ErrcodeEntry = { sqlstate: code[1]!, kind: code[2] as ErrcodeEntry['kind'], name };
    if (code[4] !== undefined) entry.condition = code[4];
    entries.push(entry);
  });
  return { entries, classes };
}

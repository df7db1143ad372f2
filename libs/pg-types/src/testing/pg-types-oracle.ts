// node-postgres's own type parsers (the `pg-types` package, as used by `pg`) as an independent
// oracle for our binary and text encodings: whatever we send, pg must read back the same value.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pgTypes = require('pg-types') as {
  getTypeParser(oid: number, format: 'text' | 'binary'): (value: any) => unknown;
};

/** What node-postgres returns for this binary DataRow value. */
export function pgBinaryParse(oid: number, data: Buffer): unknown {
  return pgTypes.getTypeParser(oid, 'binary')(data);
}

/** What node-postgres returns for this text DataRow value. */
export function pgTextParse(oid: number, text: string): unknown {
  return pgTypes.getTypeParser(oid, 'text')(text);
}

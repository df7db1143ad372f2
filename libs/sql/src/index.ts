// @vecgres/sql: PostgreSQL's parser (libpg-query) -> the vecgres statement tree. No catalog
// access: names are as written, types are names, nothing is resolved.
export { loadParser, parse } from './parse';
export type * from './types';
export { walkExpr, exprChildren, exprSubquery, queryParts, type WalkOptions } from './walk';
export { exprEquals, nodeEquals } from './equals';
export { normalizeIdent, quoteIdent, MAX_IDENTIFIER_BYTES } from './ident';
export { parseInt8Literal } from './expressions/constants';
export { optionAsBoolean, optionAsString } from './statements/options';

// The sqllogictest harness, for other suites or tools that want to run .test files.
export { parseSqlLogic, recordsFor, appliesTo } from './format/parse';
export type { ParseOptions } from './format/parse';
export * from './format/types';
export { compareResults, formatValue, typeLetter, typeLettersOf } from './format/results';
export type { RawValue } from './format/results';
export { startPostgresOracle, findPostgresBin } from './oracle/postgres';
export type { PostgresOracle } from './oracle/postgres';
export { startVecgres } from './vecgres/server';
export type { VecgresServer } from './vecgres/server';
export { defineSqlLogicSuite, listTestFiles } from './runner/suite';
export { startPostgresTarget, vecgresTarget } from './runner/target';
export type { Target, FileSession } from './runner/target';

// The pgvector compatibility harness, for other suites or tools: the README script, the psql
// script builder/parser, the comparison, and the PGlite + pgvector oracle starter.
export { README_SCRIPT, buildPsqlScript, parsePsqlOutput } from './script';
export type { CompareMode, Step, StepResult } from './script';
export { canonical, compareStep } from './script/compare';
export type { Mismatch } from './script/compare';
export { startOracle, startVecgres } from './testing/child-server';
export type { ChildServer } from './testing/child-server';
export { WireClient } from './testing/wire-client';
export type { WireParam, WireResult } from './testing/wire-client';

// The filtered-search e2e package exports its table loader and oracle so benchmarks and other
// suites can reuse the same model of a filtered table.
export { loadFixture, loadFixtureTable, vectorLiteral, TAIL } from './testing/fixture-table';
export type { FixtureData, LoadedTable } from './testing/fixture-table';
export { TableModel, distance, exactTopK, operatorOf, tieAwareRecall } from './testing/oracle';
export type { Metric, ModelRow, Neighbour } from './testing/oracle';
export { sweepCases } from './testing/filter-cases';
export type { FilterCase } from './testing/filter-cases';

// @vecgres/payload-index: the data structures of payload (metadata) indexes, per segment —
// bitmaps over segment positions (the ANN allow-bitmap layout), inverted term indexes, range
// indexes, jsonb term extraction, and Qdrant's cardinality estimate algebra. Knows nothing
// about SQL types: the executor turns SQL values into terms / float64 keys.
export { RowBitmap, bitmapBytes, popcount32 } from './row-bitmap';
export {
  type CardinalityEstimate,
  estimateAnd,
  estimateOr,
  estimateNot,
  exactEstimate,
  unknownEstimate,
  sampleEstimate,
} from './estimate';
export { TermIndex } from './term-index';
export { RangeIndex, type RangeBound } from './range-index';
export { type YieldFn, YIELD_EVERY_ROWS } from './term-index-build';
export {
  type JsonTermValue,
  type JsonScalar,
  jsonPathTerms,
  jsonOpsTerms,
  containmentTerms,
  jsonFieldEqualsTerms,
  jsonPathTerm,
  jsonOpsKeyTerm,
  jsonOpsValueTerm,
  jsonLeaf,
  isJsonArray,
  isJsonObject,
  isJsonNumber,
} from './json-terms';
export { canonicalJsonNumber, canonicalNumberOf } from './json-number';
export { gallop, intersectSorted } from './posting-ops';

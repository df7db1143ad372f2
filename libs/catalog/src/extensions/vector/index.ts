export { VECTOR_EXTENSION_VERSION, registerVectorExtension, vectorExtension } from './vector-extension';
export {
  HNSW_OPTION_SPECS, IVFFLAT_OPTION_SPECS, validateHnswOptions, vectorAccessMethodSpecs, vectorTypmodHandler,
  type HnswOptions, type IvfflatOptions,
} from './vector-access-methods';
export {
  VECTOR_CASTS, VECTOR_OPCLASSES, VECTOR_OPERATORS, vectorOpclass, type CastDecl, type OpclassDecl, type OperatorDecl,
} from './vector-operators';
export { VECTOR_FUNCTIONS, functionKey, parseFunctionDecl, type FunctionDecl } from './vector-functions';

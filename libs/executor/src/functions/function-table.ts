// The shape of scalar function implementations: plain JS functions over JS values (pg-types'
// value model: number for int2/int4/float4/float8, bigint for int8, decimal string for
// numeric, string for text types, boolean, Buffer for bytea). Strict functions are never
// called with NULL (the compiled call short-circuits); non-strict ones get `null`.
export type ScalarFn = (...args: any[]) => unknown;

export type FunctionTable = Record<string, ScalarFn>;

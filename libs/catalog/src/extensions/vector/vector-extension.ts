// pgvector as a vecgres extension: `CREATE EXTENSION vector` runs this install script, which
// creates what vector--0.8.7.sql creates (types, functions, aggregates, casts, operators,
// access methods, operator classes) as catalog rows owned by the extension. The version is
// pglite-pgvector's (the e2e oracle), whose control file says default_version = '0.8.7'.
//
// The executor implements the functions under their C symbols (ProcRow.impl); the codecs
// come from @vecgres/pg-types by typinput name (vector_in -> codec factory).
import type { CatalogRegistry, ExtensionSpec } from '../../registry/registry';
import type { ExtensionBuilder } from '../../ddl/extension-builder';
import type { Oid } from '../../model/rows';
import { functionKey, parseFunctionDecl, VECTOR_FUNCTIONS } from './vector-functions';
import { VECTOR_CASTS, VECTOR_OPCLASSES, VECTOR_OPERATORS } from './vector-operators';
import { vectorAccessMethodSpecs, vectorTypmodHandler } from './vector-access-methods';

export const VECTOR_EXTENSION_VERSION = '0.8.7';

type TypeMap = Map<string, Oid>;

/** PostgreSQL's fixed OIDs of pseudo-types vecgres' pg_type may not list (pg_type.dat). */
const PSEUDO_TYPE_OIDS: Readonly<Record<string, Oid>> = { index_am_handler: 325, internal: 2281, cstring: 2275, _cstring: 1263 };

/** The shell types first (CREATE TYPE vector;), so their I/O functions can name them. */
function addTypes(x: ExtensionBuilder, types: TypeMap): void {
  for (const name of ['vector', 'halfvec', 'sparsevec'] as const) {
    const { oid, array } = x.addType({
      name, len: -1, byval: false, type: 'b', category: 'U', preferred: false, delim: ',',
      input: `${name}_in`, output: `${name}_out`, receive: `${name}_recv`, send: `${name}_send`,
      modin: `${name}_typmod_in`, modout: '-', align: 'i', storage: 'e',
    });
    types.set(name, oid).set(`_${name}`, array);
  }
}

function typeOid(x: ExtensionBuilder, types: TypeMap, name: string): Oid {
  let oid = types.get(name);
  if (oid === undefined) {
    oid = x.catalog.typeByName(11, name)?.oid ?? PSEUDO_TYPE_OIDS[name] ?? x.typeOid(name);
    types.set(name, oid);
  }
  return oid;
}

function addFunctions(x: ExtensionBuilder, types: TypeMap, procs: Map<string, Oid>): void {
  for (const line of VECTOR_FUNCTIONS) {
    const f = parseFunctionDecl(line);
    const oid = x.addProc({
      name: f.name, args: f.args.map((a) => typeOid(x, types, a)), ret: typeOid(x, types, f.ret),
      strict: f.immutableStrict, vol: f.immutableStrict ? 'i' : 'v', kind: 'f', impl: f.impl,
    });
    procs.set(functionKey(f.name, f.args), oid);
  }
  // CREATE AGGREGATE avg / sum: impl is `transfn+finalfn` like the builtin aggregates.
  const float8Array = typeOid(x, types, '_float8');
  for (const t of ['vector', 'halfvec']) {
    const tOid = typeOid(x, types, t);
    x.addProc({
      name: 'avg', args: [tOid], ret: tOid, strict: false, vol: 'i', kind: 'a', impl: `${t}_accum+${t}_avg`,
      agg: { transfn: `${t}_accum`, transtype: float8Array, finalfn: `${t}_avg`, combinefn: 'vector_combine', initval: '{0}' },
    });
    x.addProc({
      name: 'sum', args: [tOid], ret: tOid, strict: false, vol: 'i', kind: 'a', impl: `${t}_add`,
      agg: { transfn: `${t}_add`, transtype: tOid, combinefn: `${t}_add` },
    });
  }
}

function addCasts(x: ExtensionBuilder, types: TypeMap, procs: Map<string, Oid>): void {
  for (const c of VECTOR_CASTS) {
    const func = procs.get(functionKey(c.func, [c.source, 'int4', 'bool']));
    if (func === undefined) throw new Error(`vector install: no cast function ${c.func}(${c.source},int4,bool)`);
    x.addCast({ source: typeOid(x, types, c.source), target: typeOid(x, types, c.target), func, context: c.context, method: 'f' });
  }
}

function addOperators(x: ExtensionBuilder, types: TypeMap, procs: Map<string, Oid>): void {
  const byName = new Map<string, Oid>();
  for (const o of VECTOR_OPERATORS) {
    const t = typeOid(x, types, o.type);
    const procOid = procs.get(functionKey(o.proc, [o.type, o.type]));
    const proc = procOid === undefined ? undefined : x.catalog.proc(procOid);
    if (!proc) throw new Error(`vector install: no operator function ${o.proc}(${o.type},${o.type})`);
    const oid = x.addOperator({ name: o.name, kind: 'b', left: t, right: t, result: proc.ret, proc: proc.oid, impl: proc.impl, canHash: false, canMerge: false });
    byName.set(`${o.type} ${o.name}`, oid);
  }
  for (const o of VECTOR_OPERATORS) {
    const link = (name: string | undefined) => (name === undefined ? undefined : byName.get(`${o.type} ${name}`));
    const commutator = link(o.commutator);
    const negator = link(o.negator);
    if (commutator !== undefined || negator !== undefined) {
      x.linkOperator(byName.get(`${o.type} ${o.name}`)!, { ...(commutator !== undefined ? { commutator } : {}), ...(negator !== undefined ? { negator } : {}) });
    }
  }
}

function addAccessMethods(x: ExtensionBuilder, types: TypeMap): void {
  const ams = new Map<string, Oid>([['btree', 403]]);
  ams.set('ivfflat', x.addAccessMethod({ name: 'ivfflat', type: 'i', handler: 'ivfflathandler' }));
  ams.set('hnsw', x.addAccessMethod({ name: 'hnsw', type: 'i', handler: 'hnswhandler' }));
  for (const c of VECTOR_OPCLASSES) {
    x.addOpclass({ am: ams.get(c.am)!, name: c.name, type: typeOid(x, types, c.type), isDefault: c.isDefault });
  }
}

/** The `vector` extension (pgvector 0.8.7). */
export const vectorExtension: ExtensionSpec = {
  name: 'vector',
  version: VECTOR_EXTENSION_VERSION,
  relocatable: true,
  comment: 'vector data type and ivfflat and hnsw access methods',
  install(x) {
    const types: TypeMap = new Map();
    const procs = new Map<string, Oid>();
    addTypes(x, types);
    addFunctions(x, types, procs);
    addCasts(x, types, procs);
    addOperators(x, types, procs);
    addAccessMethods(x, types);
  },
};

/** Makes `vector` available (pg_available_extensions) with its typmod handlers and index AMs. */
export function registerVectorExtension(registry: CatalogRegistry): CatalogRegistry {
  registry.registerExtension(vectorExtension);
  for (const t of ['vector', 'halfvec', 'sparsevec'] as const) {
    registry.registerTypmod(`${t}_typmod_in`, `${t}_typmod_in`, vectorTypmodHandler(t));
  }
  for (const spec of vectorAccessMethodSpecs()) registry.registerAccessMethod(spec);
  return registry;
}

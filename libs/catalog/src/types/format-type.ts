// format_type(oid, typmod): PostgreSQL's format_type_extended (format_type.c), the text psql
// \d, information_schema and error messages print for a type: SQL-standard names for the
// builtin types (`character varying(20)`, `timestamp without time zone`), `[]` for arrays,
// quoting and schema qualification for the rest.
import type { Catalog } from '../lookup/catalog';
import { isTypeVisible } from '../lookup/resolve';
import type { SearchPathContext } from '../lookup/search-path';
import { PG_CATALOG_NAMESPACE, PUBLIC_NAMESPACE, type Oid } from '../model/rows';
import type { CatalogRegistry } from '../registry/registry';
import { TYPE_OID } from '../builtins/type-oids';
import { quoteIdentifier } from './quote';
import { builtinTypmodHandlers, type TypmodHandler } from './typmod';

export interface FormatTypeOptions {
  /** For extension types' typmodout handlers (vector(3)); builtin handlers are always known. */
  registry?: CatalogRegistry;
  /** Types not visible through this path are schema-qualified; without it, only types in
   * pg_catalog and public print unqualified. */
  searchPath?: SearchPathContext;
  /** FORMAT_TYPE_FORCE_QUALIFY: qualify every non-pg_catalog type. */
  forceQualify?: boolean;
}

function handlerFor(name: string, opts: FormatTypeOptions): TypmodHandler | undefined {
  if (name === '-') return undefined;
  return opts.registry?.typmodHandler(name) ?? builtinTypmodHandlers().get(name);
}

/** printTypmod: `name` + typmodout's text, or `name(typmod)` when the type has no typmodout. */
function printTypmod(name: string, typmod: number, modout: string, opts: FormatTypeOptions): string {
  const h = handlerFor(modout, opts);
  return h ? `${name}${h.out(typmod)}` : `${name}(${typmod})`;
}

/**
 * format_type(oid, typmod). `typmod` null is SQL NULL (no typmod given: `character` for
 * bpchar, `bit` for bit); -1 is "given but none" (`bpchar`, `"bit"`), matching PostgreSQL's
 * FORMAT_TYPE_TYPEMOD_GIVEN distinction. Unknown OIDs print `???`, OID 0 prints `-`.
 */
export function formatType(catalog: Catalog, oid: Oid, typmod: number | null, opts: FormatTypeOptions = {}): string {
  if (oid === 0) return '-';
  let t = catalog.type(oid);
  if (!t) return '???';
  const typmodGiven = typmod !== null;
  const mod = typmod ?? -1;
  let isArray = false;
  // True arrays (not fixed-length "arrays" like name or int2vector) print as element + [].
  if (t.elem !== 0 && t.len === -1 && t.subscript === 'array_subscript_handler') {
    const elem = catalog.type(t.elem);
    if (!elem) return '???[]';
    t = elem;
    isArray = true;
  }
  const withTypmod = typmodGiven && mod >= 0;
  let buf: string | undefined;
  switch (t.oid) {
    case TYPE_OID.bit:
      if (withTypmod) buf = printTypmod('bit', mod, t.modout, opts);
      // bit with typmod -1 is not BIT (which means BIT(1)): fall through to the quoted name.
      else if (!typmodGiven) buf = 'bit';
      break;
    case TYPE_OID.bool: buf = 'boolean'; break;
    case TYPE_OID.bpchar:
      if (withTypmod) buf = printTypmod('character', mod, t.modout, opts);
      else if (!typmodGiven) buf = 'character';
      break;
    case TYPE_OID.float4: buf = 'real'; break;
    case TYPE_OID.float8: buf = 'double precision'; break;
    case TYPE_OID.int2: buf = 'smallint'; break;
    case TYPE_OID.int4: buf = 'integer'; break;
    case TYPE_OID.int8: buf = 'bigint'; break;
    case TYPE_OID.numeric: buf = withTypmod ? printTypmod('numeric', mod, t.modout, opts) : 'numeric'; break;
    case TYPE_OID.interval: buf = withTypmod ? printTypmod('interval', mod, t.modout, opts) : 'interval'; break;
    case TYPE_OID.time: buf = withTypmod ? printTypmod('time', mod, t.modout, opts) : 'time without time zone'; break;
    case TYPE_OID.timetz: buf = withTypmod ? printTypmod('time', mod, t.modout, opts) : 'time with time zone'; break;
    case TYPE_OID.timestamp:
      buf = withTypmod ? printTypmod('timestamp', mod, t.modout, opts) : 'timestamp without time zone';
      break;
    case TYPE_OID.timestamptz:
      buf = withTypmod ? printTypmod('timestamp', mod, t.modout, opts) : 'timestamp with time zone';
      break;
    case TYPE_OID.varbit: buf = withTypmod ? printTypmod('bit varying', mod, t.modout, opts) : 'bit varying'; break;
    case TYPE_OID.varchar:
      buf = withTypmod ? printTypmod('character varying', mod, t.modout, opts) : 'character varying';
      break;
  }
  if (buf === undefined) {
    const visible = opts.forceQualify
      ? t.namespace === PG_CATALOG_NAMESPACE
      : opts.searchPath
        ? isTypeVisible(catalog, opts.searchPath, t.oid)
        : t.namespace === PG_CATALOG_NAMESPACE || t.namespace === PUBLIC_NAMESPACE;
    const ns = visible ? undefined : catalog.namespace(t.namespace)?.name;
    buf = ns === undefined ? quoteIdentifier(t.name) : `${quoteIdentifier(ns)}.${quoteIdentifier(t.name)}`;
    if (withTypmod) buf = printTypmod(buf, mod, t.modout, opts);
  }
  return isArray ? `${buf}[]` : buf;
}

#!/usr/bin/env node
// Generates src/builtins/generated/*.ts from a running PostgreSQL's own catalog, so builtin
// OIDs, names, argument types, strictness and volatility are PostgreSQL's, not transcribed by
// hand. Only the subset vecgres implements is kept (the type set, function names and operator
// names below). Usage (PostgreSQL 15 running, psql on PATH):
//   node libs/catalog/scripts/gen-builtins.mjs "host=/tmp/pg port=5432 user=postgres"
// The output is checked in; re-run when the lists below change.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const conn = process.argv[2] ?? '';
const outDir = join(import.meta.dirname, '..', 'src', 'builtins', 'generated');

function query(sql) {
  const out = execFileSync('psql', ['-X', '-At', '-d', conn, '-c', `select coalesce(json_agg(x), '[]') from (${sql}) x`], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  // json_agg renders oid columns as strings; turn them (and oid[] elements) into numbers,
  // leaving free text (function bodies, initial values) alone.
  const keepText = new Set(['prosrc', 'agginitval', 'typdelim', 'proargnames', 'proargmodes']);
  const num = (v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);
  return JSON.parse(out).map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, keepText.has(k) ? v : Array.isArray(v) ? v.map(num) : num(v)])));
}

const version = execFileSync('psql', ['-X', '-At', '-d', conn, '-c', 'show server_version'], { encoding: 'utf8' }).trim();

// Base and pseudo types the SQL engine models (their array types are added automatically).
const TYPE_NAMES = [
  'bool', 'bytea', 'char', 'name', 'int8', 'int2', 'int2vector', 'int4', 'regproc', 'text', 'oid',
  'tid', 'xid', 'cid', 'oidvector', 'json', 'xml', 'pg_node_tree', 'float4', 'float8', 'unknown',
  'bpchar', 'varchar', 'date', 'time', 'timestamp', 'timestamptz', 'interval', 'timetz', 'bit',
  'varbit', 'numeric', 'regprocedure', 'regoper', 'regoperator', 'regclass', 'regtype', 'regrole',
  'regnamespace', 'uuid', 'jsonb', 'jsonpath', 'aclitem', 'xid8', 'pg_lsn',
  'record', 'cstring', 'any', 'anyelement', 'anyarray', 'anynonarray', 'anycompatible',
  'anycompatiblearray', 'anycompatiblenonarray', 'void', 'internal', 'trigger',
];

const FAMILIES = {
  math: `abs ceil ceiling floor round trunc sqrt cbrt power pow exp ln log log10 mod sign pi random
    setseed div degrees radians sin cos tan asin acos atan atan2 cot width_bucket gcd lcm factorial
    scale min_scale trim_scale`,
  string: `length char_length character_length octet_length bit_length lower upper initcap substr
    substring position strpos btrim ltrim rtrim lpad rpad replace split_part concat concat_ws left
    right repeat reverse starts_with format md5 sha256 regexp_replace regexp_match regexp_matches
    regexp_split_to_array regexp_split_to_table regexp_like regexp_count regexp_instr regexp_substr
    string_to_array string_to_table array_to_string ascii chr translate quote_ident quote_literal
    quote_nullable to_hex encode decode overlay to_char to_number similar_to_escape like_escape
    convert_from convert_to textcat`,
  datetime: `now clock_timestamp statement_timestamp transaction_timestamp timeofday date_trunc
    date_part extract age to_date to_timestamp make_date make_time make_timestamp make_timestamptz
    make_interval justify_days justify_hours justify_interval date_bin isfinite timezone overlaps`,
  json: `to_json to_jsonb jsonb_build_object jsonb_build_array json_build_object json_build_array
    jsonb_typeof json_typeof jsonb_array_length json_array_length jsonb_extract_path
    jsonb_extract_path_text json_extract_path json_extract_path_text jsonb_set jsonb_set_lax
    jsonb_insert jsonb_strip_nulls json_strip_nulls jsonb_pretty jsonb_object json_object
    jsonb_object_keys json_object_keys row_to_json array_to_json jsonb_each jsonb_each_text
    json_each json_each_text jsonb_array_elements jsonb_array_elements_text json_array_elements
    json_array_elements_text jsonb_path_exists jsonb_path_query jsonb_path_query_array
    jsonb_path_query_first jsonb_path_match jsonb_to_record jsonb_to_recordset json_to_record
    json_to_recordset`,
  array: `array_length array_upper array_lower array_ndims array_dims cardinality array_append
    array_prepend array_cat array_position array_positions array_remove array_replace array_fill
    trim_array`,
  srf: 'generate_series generate_subscripts unnest',
  aggregate: `count sum avg min max bool_and bool_or every array_agg string_agg jsonb_agg json_agg
    jsonb_object_agg json_object_agg stddev stddev_pop stddev_samp variance var_pop var_samp
    bit_and bit_or percentile_cont percentile_disc mode`,
  window: `row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value
    nth_value`,
  system: `version current_schema current_schemas current_database current_user session_user
    pg_backend_pid format_type pg_get_indexdef pg_get_expr pg_get_constraintdef pg_get_viewdef
    pg_get_ruledef pg_get_triggerdef pg_table_is_visible pg_type_is_visible pg_function_is_visible
    pg_opclass_is_visible pg_collation_is_visible obj_description col_description
    shobj_description pg_get_userbyid pg_encoding_to_char pg_char_to_encoding getdatabaseencoding
    pg_client_encoding pg_get_serial_sequence nextval currval setval lastval pg_typeof txid_current
    pg_current_xact_id pg_postmaster_start_time pg_size_pretty pg_relation_size
    pg_total_relation_size pg_table_size pg_indexes_size pg_database_size
    pg_get_function_identity_arguments pg_get_function_result pg_get_function_arguments
    pg_is_in_recovery set_config current_setting pg_sleep pg_cancel_backend pg_terminate_backend
    pg_advisory_lock pg_advisory_unlock pg_try_advisory_lock pg_advisory_xact_lock
    pg_try_advisory_xact_lock pg_advisory_unlock_all gen_random_uuid has_table_privilege
    has_schema_privilege has_database_privilege has_column_privilege has_sequence_privilege
    has_function_privilege pg_has_role pg_get_partkeydef pg_tablespace_location pg_relation_is_publishable pg_partition_ancestors
    pg_my_temp_schema pg_is_other_temp_schema row_security_active to_regclass to_regtype
    to_regproc to_regprocedure to_regnamespace to_regrole current_query pg_column_size
    pg_get_keywords pg_get_statisticsobjdef_columns pg_relation_is_updatable
    pg_column_is_updatable array_to_string`,
};

// Operators by name; kept when every operand and the result are in the type set.
const OPERATOR_NAMES = `+ - * / % ^ |/ ||/ @ = <> < > <= >= || ~~ !~~ ~~* !~~* ~ !~ ~* !~* -> ->> #>
  #>> @> <@ ? ?| ?& #- & | # << >> && ^@ @? @@`.split(/\s+/).filter(Boolean);

const typeNameList = TYPE_NAMES.map((n) => `'${n}'`).join(',');
const baseTypes = query(`select oid, typarray from pg_type where typname in (${typeNameList}) and typnamespace = 11`);
const typeOids = new Set(baseTypes.flatMap((t) => [t.oid, t.typarray]).filter((o) => o !== 0));
const oidList = [...typeOids].join(',');

const types = query(`select t.oid, t.typname, t.typlen, t.typbyval, t.typtype, t.typcategory,
  t.typispreferred, t.typdelim, t.typrelid, t.typelem, t.typarray, t.typinput::text, t.typoutput::text,
  t.typreceive::text, t.typsend::text, t.typmodin::text, t.typmodout::text, t.typalign, t.typstorage,
  t.typsubscript::text, t.typcollation from pg_type t where t.oid in (${oidList}) order by t.oid`);

const familyOf = new Map();
for (const [fam, names] of Object.entries(FAMILIES)) for (const n of names.split(/\s+/).filter(Boolean)) familyOf.set(n, fam);

// Pseudo-type 'internal' (2281) is allowed only as an aggregate transition type.
const procSql = (where) => `select p.oid, p.proname, p.proargtypes::oid[] as args, p.prorettype,
  p.proretset, p.provariadic, p.proisstrict, p.provolatile, p.prokind, p.prosrc, p.prolang,
  p.pronargdefaults, p.proargnames, p.proallargtypes, p.proargmodes, p.proparallel,
  a.aggtransfn::text, a.aggfinalfn::text, a.aggcombinefn::text, a.aggtranstype, a.agginitval,
  a.aggkind, a.aggsortop
  from pg_proc p left join pg_aggregate a on a.aggfnoid = p.oid
  where p.pronamespace = 11 and p.prorettype in (${oidList})
    and not exists (select 1 from unnest(p.proargtypes::oid[]) u(t) where u.t not in (${oidList}) or u.t = 2281)
    and (p.proallargtypes is null or not exists (select 1 from unnest(p.proallargtypes) u(t) where u.t not in (${oidList})))
    and p.prorettype <> 2281 and ${where} order by p.oid`;

const namedProcs = query(procSql(`p.proname in (${[...familyOf.keys()].map((n) => `'${n}'`).join(',')})`));

const operators = query(`select o.oid, o.oprname, o.oprkind, o.oprleft, o.oprright, o.oprresult,
  o.oprcode::oid as proc, p.prosrc, o.oprcom, o.oprnegate, o.oprcanhash, o.oprcanmerge
  from pg_operator o join pg_proc p on p.oid = o.oprcode
  where o.oprnamespace = 11 and o.oprname in (${OPERATOR_NAMES.map((n) => `'${n.replace(/'/g, "''")}'`).join(',')})
    and o.oprleft in (0,${oidList}) and o.oprright in (${oidList}) and o.oprresult in (${oidList})
  order by o.oid`);

const casts = query(`select c.oid, c.castsource, c.casttarget, c.castfunc, c.castcontext, c.castmethod
  from pg_cast c where c.castsource in (${oidList}) and c.casttarget in (${oidList}) order by c.oid`);

// Procs that implement the operators and casts (the executor needs them by OID).
const named = new Set(namedProcs.map((p) => p.oid));
const extraOids = [...new Set([...operators.map((o) => o.proc), ...casts.map((c) => c.castfunc)])].filter((o) => o && !named.has(o));
const supportProcs = extraOids.length ? query(procSql(`p.oid in (${extraOids.join(',')})`)) : [];

const opclasses = query(`select c.oid, c.opcmethod, c.opcname, c.opcfamily, c.opcintype, c.opcdefault, c.opckeytype
  from pg_opclass c where c.opcnamespace = 11 and c.opcmethod in (403, 405, 783, 2742)
    and c.opcintype in (${oidList}) order by c.oid`);

const ams = query(`select oid, amname, amtype, amhandler::text from pg_am order by oid`);

// ---- emit ----
const q = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const header = (what) =>
  `// GENERATED by libs/catalog/scripts/gen-builtins.mjs from PostgreSQL ${version}'s ${what}.\n` +
  `// Do not edit by hand: change the lists in the script and re-run it.\n`;

function emitTypes() {
  const rows = types.map((t) => `  { oid: ${t.oid}, name: ${q(t.typname)}, namespace: 11, len: ${t.typlen}, byval: ${t.typbyval}, ` +
    `type: ${q(t.typtype)}, category: ${q(t.typcategory)}, preferred: ${t.typispreferred}, delim: ${q(t.typdelim)}, ` +
    `relid: ${t.typrelid}, elem: ${t.typelem}, array: ${t.typarray}, input: ${q(t.typinput)}, output: ${q(t.typoutput)}, ` +
    `receive: ${q(t.typreceive)}, send: ${q(t.typsend)}, modin: ${q(t.typmodin)}, modout: ${q(t.typmodout)}, ` +
    `align: ${q(t.typalign)}, storage: ${q(t.typstorage)}, subscript: ${q(t.typsubscript)}, collation: ${t.typcollation} },`);
  return `${header('pg_type')}import type { TypeRow } from '../../model/rows';\n\n` +
    `/** pg_type rows of the builtin types vecgres models, and their array types. */\n` +
    `export const BUILTIN_TYPES: readonly TypeRow[] = [\n${rows.join('\n')}\n];\n`;
}

function procLine(p) {
  const parts = [`oid: ${p.oid}`, `name: ${q(p.proname)}`, `args: [${p.args.join(', ')}]`, `ret: ${p.prorettype}`];
  if (p.proretset) parts.push('retset: true');
  if (p.provariadic) parts.push(`variadic: ${p.provariadic}`);
  parts.push(`strict: ${p.proisstrict}`, `vol: ${q(p.provolatile)}`, `kind: ${q(p.prokind)}`);
  // impl: the C symbol for internal functions; for aggregates `transfn` or `transfn+finalfn`
  // (unique per behaviour: sum(int8) and avg(int8) share int8_avg_accum but not the final
  // function); else the name (SQL-language functions).
  const impl =
    p.prokind === 'a'
      ? p.aggfinalfn !== '-' ? `${p.aggtransfn}+${p.aggfinalfn}` : p.aggtransfn
      : p.prolang === 12 ? p.prosrc : p.proname;
  parts.push(`impl: ${q(impl)}`);
  if (p.pronargdefaults) parts.push(`defaults: ${p.pronargdefaults}`);
  if (p.proargnames && p.proargnames.some((n) => n)) parts.push(`argNames: [${p.proargnames.map(q).join(', ')}]`);
  if (p.proallargtypes) {
    parts.push(`allArgs: [${p.proallargtypes.join(', ')}]`, `argModes: [${p.proargmodes.map(q).join(', ')}]`);
  }
  if (p.prokind === 'a') {
    const agg = [`transfn: ${q(p.aggtransfn)}`, `transtype: ${p.aggtranstype}`];
    if (p.aggfinalfn !== '-') agg.push(`finalfn: ${q(p.aggfinalfn)}`);
    if (p.aggcombinefn !== '-') agg.push(`combinefn: ${q(p.aggcombinefn)}`);
    if (p.agginitval !== null) agg.push(`initval: ${q(p.agginitval)}`);
    if (p.aggsortop) agg.push(`sortop: ${p.aggsortop}`);
    parts.push(`agg: { ${agg.join(', ')} }`);
  }
  return `  P({ ${parts.join(', ')} }),`;
}

function emitProcs(family, rows, what) {
  const constName = `BUILTIN_${family.toUpperCase()}_PROCS`;
  return `${header('pg_proc')}import { builtinProc as P, type ProcRow } from '../../model/rows';\n\n` +
    `/** ${what} */\n` +
    `export const ${constName}: readonly ProcRow[] = [\n${rows.map(procLine).join('\n')}\n];\n`;
}

function emitOperators(rows, name, what) {
  const lines = rows.map((o) => `  { oid: ${o.oid}, name: ${q(o.oprname)}, namespace: 11, kind: ${q(o.oprkind)}, left: ${o.oprleft}, ` +
    `right: ${o.oprright}, result: ${o.oprresult}, proc: ${o.proc}, impl: ${q(o.prosrc)}, commutator: ${o.oprcom}, ` +
    `negator: ${o.oprnegate}, canHash: ${o.oprcanhash}, canMerge: ${o.oprcanmerge} },`);
  return `${header('pg_operator')}import type { OperatorRow } from '../../model/rows';\n\n/** ${what} */\n` +
    `export const ${name}: readonly OperatorRow[] = [\n${lines.join('\n')}\n];\n`;
}

const files = {};
files['types.ts'] = emitTypes();
const byFamily = new Map();
for (const p of namedProcs) {
  const fam = familyOf.get(p.proname);
  byFamily.set(fam, [...(byFamily.get(fam) ?? []), p]);
}
const famDocs = {
  math: 'Math functions (abs, round, sqrt, power, random, ...).',
  string: 'String functions (length, lower, substring, regexp_*, format, ...).',
  datetime: 'Date/time functions (now, date_trunc, date_part, age, make_*, ...).',
  json: 'json/jsonb functions (jsonb_build_object, jsonb_set, jsonb_each, ...).',
  array: 'Array functions (array_length, array_append, cardinality, ...).',
  srf: 'Set-returning functions (generate_series, unnest, generate_subscripts).',
  aggregate: 'Aggregates (kind a) with their pg_aggregate transition data.',
  window: 'Window functions (kind w).',
  system: 'System and catalog-information functions (version, format_type, pg_get_*, nextval, ...).',
};
for (const [fam, rows] of byFamily) files[`procs-${fam}.ts`] = emitProcs(fam, rows, famDocs[fam]);
files['procs-support.ts'] = emitProcs('support', supportProcs, 'Functions behind the builtin operators and casts (int4pl, textcat, int48, ...).');

const isArith = (o) => ['+', '-', '*', '/', '%', '^', '|/', '||/', '@', '&', '|', '#', '<<', '>>'].includes(o.oprname) && o.oprname !== '||';
const isCompare = (o) => ['=', '<>', '<', '>', '<=', '>='].includes(o.oprname);
const cmpOps = operators.filter(isCompare);
const arithOps = operators.filter((o) => !isCompare(o) && isArith(o));
const otherOps = operators.filter((o) => !isCompare(o) && !isArith(o));
files['operators-comparison.ts'] = emitOperators(cmpOps, 'BUILTIN_COMPARISON_OPERATORS', 'Comparison operators (=, <>, <, >, <=, >=) of the builtin types, same- and cross-type.');
files['operators-arithmetic.ts'] = emitOperators(arithOps, 'BUILTIN_ARITHMETIC_OPERATORS', 'Arithmetic and bitwise operators (+ - * / % ^ |/ @ & | # << >>), including date/time arithmetic.');
files['operators-other.ts'] = emitOperators(otherOps, 'BUILTIN_OTHER_OPERATORS', 'Text (||, LIKE ~~, regex ~), jsonb (-> ->> #> @> ? ...) and array (&& @> <@) operators.');

files['casts.ts'] = `${header('pg_cast')}import type { CastRow } from '../../model/rows';\n\n` +
  `/** pg_cast rows between the builtin types (context e/a/i, method f/b/i). */\n` +
  `export const BUILTIN_CASTS: readonly CastRow[] = [\n` +
  casts.map((c) => `  { oid: ${c.oid}, source: ${c.castsource}, target: ${c.casttarget}, func: ${c.castfunc}, context: ${q(c.castcontext)}, method: ${q(c.castmethod)} },`).join('\n') +
  `\n];\n`;

files['opclasses.ts'] = `${header('pg_opclass and pg_am')}import type { AccessMethodRow, OpclassRow } from '../../model/rows';\n\n` +
  `/** pg_am: the builtin access methods (index AMs hnsw/ivfflat come with the vector extension). */\n` +
  `export const BUILTIN_ACCESS_METHODS: readonly AccessMethodRow[] = [\n` +
  ams.map((a) => `  { oid: ${a.oid}, name: ${q(a.amname)}, type: ${q(a.amtype)}, handler: ${q(a.amhandler)} },`).join('\n') +
  `\n];\n\n/** pg_opclass rows of btree/hash/gist/gin for the builtin types. */\n` +
  `export const BUILTIN_OPCLASSES: readonly OpclassRow[] = [\n` +
  opclasses.map((c) => `  { oid: ${c.oid}, am: ${c.opcmethod}, name: ${q(c.opcname)}, namespace: 11, family: ${c.opcfamily}, type: ${c.opcintype}, isDefault: ${c.opcdefault}, keyType: ${c.opckeytype} },`).join('\n') +
  `\n];\n`;

// quote_identifier quotes every keyword that is not UNRESERVED (format_type prints `"char"`).
const keywords = query(`select word from pg_get_keywords() where catcode <> 'U' order by word`).map((k) => k.word);
files['keywords.ts'] = `${header('pg_get_keywords()')}\n` +
  `/** Keywords quote_identifier must quote (reserved, column-name and type/function-name ones). */\n` +
  `export const NON_UNRESERVED_KEYWORDS: ReadonlySet<string> = new Set([\n` +
  keywords.map(q).join(', ').replace(/(.{1,96})(, |$)/g, '  $1,\n').replace(/,,/g, ',') +
  `]);\n`;

for (const [name, text] of Object.entries(files)) {
  writeFileSync(join(outDir, name), text);
  console.log(`${name}: ${text.split('\n').length} lines`);
}

// JSON aggregates: jsonb_agg / json_agg collect their inputs into an array, jsonb_object_agg /
// json_object_agg into an object (key, value). Values convert as to_jsonb / to_json do
// (toJsonbValue), so they need the call's FunctionContext (argument types, output settings).
// No input rows -> NULL. jsonb prints via JsonbToCString; json keeps PostgreSQL's json text
// layout: `[1, 2]` for arrays and `{ "k" : v, ... }` for objects; json inputs are embedded as
// written.
import { SQLSTATE, SqlError } from '@vecgres/errors';
import { Jsonb, escapeJsonString, formatJsonb, makeJsonbObject, type JsonbValue } from '@vecgres/pg-types';
import type { AggImpl } from './aggregates';
import type { FunctionContext } from './extra-context';
import { toJsonbValue } from './jsonb-build';

const JSON_OID = 114;
const TEXTLIKE = new Set([25, 1043, 1042, 19, 705]);

function keyText(ctx: FunctionContext, key: unknown, oid: number): string {
  if (key === null) throw new SqlError(SQLSTATE.INVALID_PARAMETER_VALUE, 'field name must not be null');
  return TEXTLIKE.has(oid) ? (key as string) : ctx.formatValue(key, oid);
}

/** datum_to_json: the json text of one value. */
function jsonText(ctx: FunctionContext, value: unknown, oid: number): string {
  if (value !== null && oid === JSON_OID) return value as string;
  return formatJsonb(toJsonbValue(ctx, value, oid));
}

/** The JSON aggregate for `impl`, or undefined when `impl` is not one. */
export function jsonAggregate(impl: string, ctx: FunctionContext): AggImpl | undefined {
  const [t0 = 0, t1 = 0] = ctx.argTypes;
  switch (impl) {
    case 'jsonb_agg_transfn+jsonb_agg_finalfn':
      return {
        init: () => null,
        step: (s: JsonbValue[] | null, [v]) => [...(s ?? []), toJsonbValue(ctx, v, t0)],
        final: (s: JsonbValue[] | null) => (s === null ? null : new Jsonb(s)),
      };
    case 'json_agg_transfn+json_agg_finalfn':
      return {
        init: () => null,
        step: (s: string[] | null, [v]) => [...(s ?? []), jsonText(ctx, v, t0)],
        final: (s: string[] | null) => (s === null ? null : `[${s.join(', ')}]`),
      };
    case 'jsonb_object_agg_transfn+jsonb_object_agg_finalfn':
      return {
        init: () => null,
        step: (s: Array<[string, JsonbValue]> | null, [k, v]) => [...(s ?? []), [keyText(ctx, k, t0), toJsonbValue(ctx, v, t1)]],
        final: (s: Array<[string, JsonbValue]> | null) => (s === null ? null : new Jsonb(makeJsonbObject(s))),
      };
    case 'json_object_agg_transfn+json_object_agg_finalfn':
      return {
        init: () => null,
        step: (s: string[] | null, [k, v]) => [...(s ?? []), `${escapeJsonString(keyText(ctx, k, t0))} : ${jsonText(ctx, v, t1)}`],
        final: (s: string[] | null) => (s === null ? null : `{ ${s.join(', ')} }`),
      };
    default:
      return undefined;
  }
}

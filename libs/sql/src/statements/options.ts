// DefElem lists -> DefOption[]: index WITH (...), COPY/EXPLAIN/VACUUM options, sequence and
// identity options, CREATE EXTENSION / DATABASE options.
import type { DefOption, OptionValue } from '../types';
import { list, unwrap, type PgNode, type TranslateContext } from '../context';
import { translateTypeName } from '../expressions/type-name';

export function optionValue(ctx: TranslateContext, node: PgNode, location?: number): OptionValue {
  const [tag, b] = unwrap(node);
  switch (tag) {
    // Protobuf-style JSON omits zero values: `{Integer: {}}` is 0, `{Boolean: {}}` is false.
    case 'Integer': return { type: 'int', value: b.ival ?? 0 };
    case 'Float': return { type: 'numeric', value: b.fval ?? '0' };
    case 'String': return { type: 'string', value: b.sval ?? '' };
    case 'Boolean': return { type: 'bool', value: b.boolval === true };
    case 'TypeName': return { type: 'type', value: translateTypeName(ctx, b) };
    case 'List': return { type: 'list', value: list(b.items).map((i) => optionValue(ctx, i, location)) };
    case 'A_Star': return { type: 'star' };
    // `OPTION = 1.5` arrives as Float, but a few grammar paths wrap values in A_Const.
    case 'A_Const':
      if (b.ival !== undefined) return { type: 'int', value: b.ival.ival ?? 0 };
      if (b.fval !== undefined) return { type: 'numeric', value: b.fval.fval ?? '0' };
      if (b.sval !== undefined) return { type: 'string', value: b.sval.sval ?? '' };
      if (b.boolval !== undefined) return { type: 'bool', value: b.boolval.boolval === true };
      throw ctx.unsupported('option value NULL', b.location ?? location);
    default:
      throw ctx.unsupported(`option value of kind ${tag}`, location);
  }
}

export function translateOptions(ctx: TranslateContext, nodes: PgNode[] | undefined): DefOption[] {
  return list(nodes).map((n) => {
    const [tag, d] = unwrap(n);
    if (tag !== 'DefElem') throw ctx.unsupported(`option of kind ${tag}`);
    // `toast.autovacuum_enabled = off` and ALTER ... SET/ADD/DROP option actions.
    if (d.defnamespace) throw ctx.unsupported(`option namespace "${d.defnamespace}"`, d.location);
    if (d.defaction && d.defaction !== 'DEFELEM_UNSPEC') throw ctx.unsupported('option action', d.location);
    const option: DefOption = { name: d.defname, location: ctx.loc(d.location) };
    if (d.arg) option.value = optionValue(ctx, d.arg, d.location);
    return option;
  });
}

/**
 * An option's value read as text, like PostgreSQL's defGetString: bare words such as
 * `deduplicate_items = off` reach the grammar as a type name, numbers as their text.
 * Undefined when the option has no value.
 */
export function optionAsString(value: OptionValue | undefined): string | undefined {
  if (!value) return undefined;
  switch (value.type) {
    case 'int': return String(value.value);
    case 'numeric': case 'string': return value.value;
    case 'bool': return value.value ? 'true' : 'false';
    case 'type': return value.value.written;
    case 'list': return value.value.map((v) => optionAsString(v)).join('.');
    case 'star': return '*';
  }
}

/**
 * An option's value read as a boolean, like PostgreSQL's defGetBoolean: no value is true;
 * 1/0, true/false, on/off, yes/no (any case, unambiguous prefixes of true/false/yes/no).
 * Undefined when the value is not a boolean spelling.
 */
export function optionAsBoolean(value: OptionValue | undefined): boolean | undefined {
  if (!value) return true;
  if (value.type === 'bool') return value.value;
  if (value.type === 'int') return value.value === 1 ? true : value.value === 0 ? false : undefined;
  const text = optionAsString(value)?.toLowerCase();
  if (!text) return undefined;
  if (text === 'on' || text === '1') return true;
  if (text === 'off' || text === '0') return false;
  if ('true'.startsWith(text) || 'yes'.startsWith(text)) return true;
  if ('false'.startsWith(text) || 'no'.startsWith(text)) return false;
  return undefined;
}

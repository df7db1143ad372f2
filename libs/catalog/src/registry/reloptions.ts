// WITH (...) options of indexes (reloptions), validated as PostgreSQL's reloptions.c does:
// unknown names, bad values and out-of-range values are 22023 with its exact wording. Access
// methods declare their options as a table; the result is both PostgreSQL's text form
// (`fillfactor=70`, for pg_class.reloptions) and a typed config object for the index code.
import { invalidParameter } from '@vecgres/errors';
import { optionAsString, type DefOption, type OptionValue } from '@vecgres/sql';

export type ReloptionSpec =
  | { type: 'int'; min: number; max: number; default: number }
  | { type: 'real'; min: number; max: number; default: number }
  | { type: 'bool'; default: boolean }
  | { type: 'enum'; values: readonly string[]; default: string };

export type ReloptionSpecs = Readonly<Record<string, ReloptionSpec>>;

export type ReloptionValues<S extends ReloptionSpecs> = {
  [K in keyof S]: S[K] extends { type: 'bool' } ? boolean : S[K] extends { type: 'enum' } ? string : number;
};

export interface ValidatedOptions<C = Record<string, unknown>> {
  /** pg_class.reloptions: `name=value` as written (PostgreSQL keeps the user's spelling). */
  reloptions: string[];
  /** Every option with its value or default. */
  config: C;
}

/** Option value as text (bare words like `off` reach us as type names: optionAsString). */
function valueText(v: OptionValue | undefined): string | undefined {
  if (!v || v.type === 'list' || v.type === 'star') return undefined;
  return optionAsString(v);
}

const TRUE_WORDS = new Set(['true', 'on', 'yes', '1', 't', 'y']);
const FALSE_WORDS = new Set(['false', 'off', 'no', '0', 'f', 'n']);

/** Validates `options` against `specs`; the returned config has a value for every spec. */
export function validateReloptions<S extends ReloptionSpecs>(specs: S, options: readonly DefOption[]): ValidatedOptions<ReloptionValues<S>> {
  const config: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) config[name] = spec.default;
  const reloptions: string[] = [];
  const seen = new Set<string>();
  for (const opt of options) {
    const spec = specs[opt.name];
    if (!spec) throw invalidParameter(`unrecognized parameter "${opt.name}"`);
    if (seen.has(opt.name)) throw invalidParameter(`parameter "${opt.name}" specified more than once`);
    seen.add(opt.name);
    // A bare `WITH (x)` means true for booleans (defWithOids-style); others need a value.
    const text = opt.value === undefined && spec.type === 'bool' ? 'true' : valueText(opt.value);
    if (text === undefined) throw invalidParameter(`parameter "${opt.name}" requires a value`);
    switch (spec.type) {
      case 'int': {
        if (!/^[+-]?\d+$/.test(text.trim())) throw invalidParameter(`invalid value for integer option "${opt.name}": ${text}`);
        const n = Number(text);
        if (n < spec.min || n > spec.max) {
          throw invalidParameter(`value ${text} out of bounds for option "${opt.name}"`, {
            detail: `Valid values are between "${spec.min}" and "${spec.max}".`,
          });
        }
        config[opt.name] = n;
        break;
      }
      case 'real': {
        const n = Number(text);
        if (text.trim() === '' || Number.isNaN(n)) throw invalidParameter(`invalid value for floating point option "${opt.name}": ${text}`);
        if (n < spec.min || n > spec.max) {
          throw invalidParameter(`value ${text} out of bounds for option "${opt.name}"`, {
            detail: `Valid values are between "${spec.min.toFixed(6)}" and "${spec.max.toFixed(6)}".`,
          });
        }
        config[opt.name] = n;
        break;
      }
      case 'bool': {
        const w = text.toLowerCase();
        if (!TRUE_WORDS.has(w) && !FALSE_WORDS.has(w)) throw invalidParameter(`invalid value for boolean option "${opt.name}": ${text}`);
        config[opt.name] = TRUE_WORDS.has(w);
        break;
      }
      case 'enum': {
        if (!spec.values.includes(text)) throw invalidParameter(`invalid value for enum option "${opt.name}": ${text}`);
        config[opt.name] = text;
        break;
      }
    }
    reloptions.push(`${opt.name}=${text}`);
  }
  return { reloptions, config: config as ReloptionValues<S> };
}

// Result column names as PostgreSQL derives them when there is no AS (FigureColnameInternal):
// the column's name, the function's name, the cast's type name, `case`, `coalesce`, ...,
// and `?column?` when nothing better exists.
import type { Expr } from '@vecgres/sql';

function figure(e: Expr): string | undefined {
  switch (e.kind) {
    case 'columnRef': return e.names.length > 0 && !e.star ? e.names[e.names.length - 1] : undefined;
    case 'func': return e.name;
    case 'cast': {
      const inner = figure(e.arg);
      return inner !== undefined && !typeNamed(e.arg) ? inner : e.type.name.replace(/^_/, '');
    }
    case 'collate': return figure(e.arg);
    case 'case': return 'case';
    case 'coalesce': return 'coalesce';
    case 'nullIf': return 'nullif';
    case 'minMax': return e.op;
    case 'exists': return 'exists';
    case 'array': case 'arraySubquery': return 'array';
    case 'row': return 'row';
    case 'sqlValueFunction': return e.op;
    case 'indirection': {
      const last = e.steps[e.steps.length - 1];
      return last?.kind === 'field' ? last.name : figure(e.arg);
    }
    case 'scalarSubquery': {
      const q = e.query;
      if (q.kind === 'select' && q.targets.length === 1) return q.targets[0].alias ?? figure(q.targets[0].expr);
      return undefined;
    }
    default: return undefined;
  }
}

/**
 * Names PostgreSQL ranks weak (strength 1): a cast's type name and `case`. An outer cast
 * replaces them (`'[1]'::vector::real[]` is `float4`), unlike a column or function name
 * (`(x::int)::text` is `x`).
 */
function typeNamed(e: Expr): boolean {
  if (e.kind === 'case') return true;
  if (e.kind === 'collate') return typeNamed(e.arg);
  return e.kind === 'cast' && (figure(e.arg) === undefined || typeNamed(e.arg));
}

export function figureColname(e: Expr): string {
  return figure(e) ?? '?column?';
}

// TypeName -> our TypeName. The grammar already maps SQL keyword types to PostgreSQL's internal
// names under pg_catalog (INTEGER -> pg_catalog.int4, DOUBLE PRECISION -> pg_catalog.float8,
// VARCHAR -> pg_catalog.varchar, TIMESTAMPTZ stays timestamptz), so `name` is the catalog name.
import type { TypeName } from '../types';
import { list, stringList, unwrap, type PgNode, type TranslateContext } from '../context';
import { translateExpr } from './expr';

export function translateTypeName(ctx: TranslateContext, body: PgNode): TypeName {
  const names = stringList(ctx, body.names, 'type name');
  if (names.length === 0) throw ctx.unsupported('type reference by OID', body.location);
  // catalog.schema.type would need the current database name; %TYPE needs the catalog.
  if (names.length > 2) throw ctx.unsupported('cross-database type reference', body.location);
  if (body.pct_type === true) throw ctx.unsupported('%TYPE reference', body.location);
  const arrayBounds = list(body.arrayBounds).map((n) => {
    const [, b] = unwrap(n);
    return (b.ival as number | undefined) ?? 0;
  });
  const type: TypeName = {
    name: names[names.length - 1],
    typmods: list(body.typmods).map((m) => translateExpr(ctx, m)),
    arrayBounds,
    setof: body.setof === true,
    // PostgreSQL's TypeNameToString: what its own "type ... does not exist" errors print.
    written: names.join('.') + (arrayBounds.length > 0 ? '[]' : ''),
    location: ctx.loc(body.location),
  };
  if (names.length >= 2) type.schema = names[names.length - 2];
  return type;
}

// CREATE [OR REPLACE] [TEMP] VIEW name [(cols)] AS query (view.c DefineView). WITH CHECK
// OPTION needs auto-updatable views, which vecgres does not have: 0A000.
import type { CreateViewStmt } from '../types';
import { stringList, unwrap, type PgNode, type TranslateContext } from '../context';
import { qualifiedName } from './names';
import { translateOptions } from './options';
import { translateQuery } from './select';

export function translateCreateView(ctx: TranslateContext, b: PgNode): CreateViewStmt {
  const rel = b.view;
  if (b.withCheckOption && b.withCheckOption !== 'NO_CHECK_OPTION') throw ctx.unsupported('WITH CHECK OPTION', rel.location);
  if (rel.relpersistence === 'u') throw ctx.unsupported('UNLOGGED VIEW', rel.location);
  const [tag] = unwrap(b.query);
  if (tag !== 'SelectStmt') throw ctx.unsupported(`CREATE VIEW AS ${tag}`, rel.location);
  return {
    kind: 'createView',
    view: qualifiedName(ctx, rel),
    columns: stringList(ctx, b.aliases, 'column name'),
    query: translateQuery(ctx, b.query),
    replace: b.replace === true,
    temporary: rel.relpersistence === 't',
    options: translateOptions(ctx, b.options).map((o) => o.name),
    location: ctx.loc(rel.location),
  };
}

// SubLink: EXISTS, scalar subqueries, ARRAY(subquery), IN / op ANY|ALL (subquery).
import type { Expr } from '../types';
import type { PgNode, TranslateContext } from '../context';
import { translateQuery } from '../statements/select';
import { translateExpr } from './expr';
import { operatorName } from './operators';

export function translateSubLink(ctx: TranslateContext, b: PgNode): Expr {
  const location = ctx.loc(b.location);
  const query = translateQuery(ctx, b.subselect);
  switch (b.subLinkType as string) {
    case 'EXISTS_SUBLINK': return { kind: 'exists', query, location };
    case 'EXPR_SUBLINK': return { kind: 'scalarSubquery', query, location };
    // `SET (a, b) = (SELECT x, y ...)`: the SetClause's multiAssign says which column is whose.
    case 'MULTIEXPR_SUBLINK': return { kind: 'scalarSubquery', query, location };
    case 'ARRAY_SUBLINK': return { kind: 'arraySubquery', query, location };
    case 'ANY_SUBLINK':
    case 'ALL_SUBLINK': {
      // `x IN (SELECT ...)` has no operator name: it means `= ANY`.
      const name = b.operName ? operatorName(ctx, b.operName, b.location) : { op: '=' };
      return {
        kind: 'subqueryCompare',
        ...name,
        quantifier: b.subLinkType === 'ANY_SUBLINK' ? 'any' : 'all',
        left: translateExpr(ctx, b.testexpr),
        query,
        location,
      };
    }
    default:
      throw ctx.unsupported(
        b.subLinkType === 'ROWCOMPARE_SUBLINK' ? 'row comparison with a subquery' : `subquery of kind ${b.subLinkType}`,
        b.location,
      );
  }
}

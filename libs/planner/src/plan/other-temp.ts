// Another session's temp table: its catalog rows are visible (pg_temp_N.t resolves, as in
// PostgreSQL) but its rows are not; reading or writing it is 0A000 like PostgreSQL's
// ReadBuffer_common check (no position: PostgreSQL raises it below the parser).
import { notSupported } from '@vecgres/errors';
import type { TableRelation } from '../catalog-api';
import type { BindContext } from '../bind/bind-context';

export function checkNotOtherTemp(ctx: BindContext, rel: TableRelation): void {
  if (rel.persistence !== 't') return;
  if (ctx.catalog.namespace(rel.namespace)?.name !== ctx.resolve.tempSchema) {
    throw notSupported('cannot access temporary tables of other sessions');
  }
}

// SET [SESSION|LOCAL] / RESET / SHOW, including SET TIME ZONE and SET TRANSACTION.
import type { SetStmt, ShowStmt } from '../types';
import type { PgNode, TranslateContext } from '../context';
import { exprList } from '../expressions/expr';
import { transactionModes } from './transaction';

const ACTIONS: Record<string, SetStmt['action']> = {
  VAR_SET_VALUE: 'value',
  VAR_SET_DEFAULT: 'default',
  VAR_SET_CURRENT: 'fromCurrent',
  VAR_SET_MULTI: 'transaction',
  VAR_RESET: 'reset',
  VAR_RESET_ALL: 'resetAll',
};

export function translateSet(ctx: TranslateContext, b: PgNode): SetStmt {
  const action = ACTIONS[b.kind];
  if (!action) throw ctx.unsupported(`SET ${b.kind}`, b.location);
  const location = ctx.loc(b.location);
  if (action === 'transaction') {
    // VAR_SET_MULTI is named TRANSACTION or SESSION CHARACTERISTICS; its args are DefElems.
    if (b.name !== 'TRANSACTION' && b.name !== 'SESSION CHARACTERISTICS') throw ctx.unsupported(`SET ${b.name}`, b.location);
    return {
      kind: 'set',
      action,
      name: 'transaction',
      values: [],
      local: b.is_local === true,
      transactionModes: transactionModes(ctx, b.args),
      sessionCharacteristics: b.name === 'SESSION CHARACTERISTICS',
      location,
    };
  }
  // Values are constants (`TO public, 'x'`, `= 5`, `= on` arrives as the string 'on') or, for
  // SET TIME ZONE INTERVAL '...', a cast.
  return { kind: 'set', action, name: b.name ?? 'all', values: exprList(ctx, b.args), local: b.is_local === true, location };
}

export function translateShow(_ctx: TranslateContext, b: PgNode): ShowStmt {
  return { kind: 'show', name: b.name, location: -1 };
}

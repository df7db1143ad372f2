// ALTER SEQUENCE [IF EXISTS] s options, and ALTER SEQUENCE s RENAME TO n (a RenameStmt with
// renameType OBJECT_SEQUENCE in the raw tree).
import type { AlterSequenceStmt } from '../types';
import type { PgNode, TranslateContext } from '../context';
import { qualifiedName } from './names';
import { translateOptions } from './options';

export function translateAlterSequence(ctx: TranslateContext, b: PgNode): AlterSequenceStmt {
  return {
    kind: 'alterSequence',
    sequence: qualifiedName(ctx, b.sequence),
    ifExists: b.missing_ok === true,
    options: translateOptions(ctx, b.options),
    location: ctx.loc(b.sequence.location),
  };
}

export function translateSequenceRename(ctx: TranslateContext, b: PgNode): AlterSequenceStmt {
  return {
    kind: 'alterSequence',
    sequence: qualifiedName(ctx, b.relation),
    ifExists: b.missing_ok === true,
    options: [],
    newName: b.newname,
    location: ctx.loc(b.relation.location),
  };
}

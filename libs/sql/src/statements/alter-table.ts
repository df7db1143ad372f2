// ALTER TABLE (AlterTableStmt), ALTER TABLE ... RENAME (RenameStmt) and ... SET SCHEMA
// (AlterObjectSchemaStmt), all as one AlterTableStmt node with a command list.
import type { AlterSequenceStmt, AlterTableCommand, AlterTableStmt, DropBehavior } from '../types';
import { list, stringList, unwrap, type PgNode, type TranslateContext } from '../context';
import { optExpr, translateExpr } from '../expressions/expr';
import { translateTypeName } from '../expressions/type-name';
import { translateSequenceRename } from './alter-sequence';
import { translateConstraint } from './constraints';
import { translateColumnDef } from './create-table';
import { qualifiedName } from './names';

export function behavior(b: PgNode): DropBehavior {
  return b.behavior === 'DROP_CASCADE' ? 'cascade' : 'restrict';
}

function command(ctx: TranslateContext, c: PgNode): AlterTableCommand {
  const [defTag, def] = c.def ? unwrap(c.def) : [undefined, undefined];
  switch (c.subtype as string) {
    case 'AT_AddColumn':
      return { action: 'addColumn', column: translateColumnDef(ctx, def!), ifNotExists: c.missing_ok === true };
    case 'AT_DropColumn':
      return { action: 'dropColumn', column: c.name, ifExists: c.missing_ok === true, behavior: behavior(c) };
    case 'AT_ColumnDefault':
      return c.def
        ? { action: 'setDefault', column: c.name, default: translateExpr(ctx, c.def) }
        : { action: 'dropDefault', column: c.name };
    case 'AT_SetNotNull': return { action: 'setNotNull', column: c.name };
    case 'AT_DropNotNull': return { action: 'dropNotNull', column: c.name };
    case 'AT_AlterColumnType': {
      // The new type rides in a ColumnDef; USING is its raw_default.
      const cmd: AlterTableCommand = { action: 'alterType', column: c.name, type: translateTypeName(ctx, def!.typeName) };
      const using = optExpr(ctx, def!.raw_default);
      if (using) cmd.using = using;
      if (def!.collClause) cmd.collation = stringList(ctx, def!.collClause.collname, 'collation name');
      return cmd;
    }
    case 'AT_AddConstraint':
      if (defTag !== 'Constraint') throw ctx.unsupported('ADD of this kind');
      return { action: 'addConstraint', constraint: translateConstraint(ctx, def!) };
    case 'AT_DropConstraint':
      return { action: 'dropConstraint', name: c.name, ifExists: c.missing_ok === true, behavior: behavior(c) };
    default:
      // AT_SetStorage -> "ALTER TABLE SET STORAGE"
      throw ctx.unsupported(`ALTER TABLE ${String(c.subtype).replace(/^AT_/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase()}`, def?.location);
  }
}

export function translateAlterTable(ctx: TranslateContext, b: PgNode): AlterTableStmt {
  if (b.objtype !== 'OBJECT_TABLE') throw ctx.unsupported(`ALTER ${objectWord(b.objtype)}`, b.relation.location);
  return {
    kind: 'alterTable',
    table: qualifiedName(ctx, b.relation),
    ifExists: b.missing_ok === true,
    inherit: b.relation.inh === true,
    commands: list(b.cmds).map((n) => {
      const [, c] = unwrap(n);
      const cmd = command(ctx, c);
      const [, def] = c.def ? unwrap(c.def) : [undefined, undefined];
      return { ...cmd, location: ctx.loc(def?.location) };
    }),
    location: ctx.loc(b.relation.location),
  };
}

function objectWord(objtype: string): string {
  return String(objtype).replace(/^OBJECT_/, '').replace(/_/g, ' ');
}

export function translateRename(ctx: TranslateContext, b: PgNode): AlterTableStmt | AlterSequenceStmt {
  if (b.renameType === 'OBJECT_SEQUENCE') return translateSequenceRename(ctx, b);
  const rel = b.relation;
  let cmd: AlterTableCommand;
  if (b.renameType === 'OBJECT_TABLE' || b.renameType === 'OBJECT_VIEW') cmd = { action: 'renameTable', newName: b.newname };
  else if (b.renameType === 'OBJECT_COLUMN' && (b.relationType === 'OBJECT_TABLE' || b.relationType === 'OBJECT_VIEW')) {
    cmd = { action: 'renameColumn', column: b.subname, newName: b.newname };
  }
  else if (b.renameType === 'OBJECT_TABCONSTRAINT') cmd = { action: 'renameConstraint', name: b.subname, newName: b.newname };
  else {
    const target = b.renameType === 'OBJECT_COLUMN' ? `${objectWord(b.relationType)} RENAME COLUMN` : `${objectWord(b.renameType)} RENAME`;
    throw ctx.unsupported(`ALTER ${target}`, rel?.location);
  }
  return {
    kind: 'alterTable',
    table: qualifiedName(ctx, rel),
    ifExists: b.missing_ok === true,
    inherit: rel.inh === true,
    ...(b.renameType === 'OBJECT_VIEW' || b.relationType === 'OBJECT_VIEW' ? { relationType: 'view' as const } : {}),
    commands: [{ ...cmd, location: ctx.loc(rel.location) }],
    location: ctx.loc(rel.location),
  };
}

export function translateAlterObjectSchema(ctx: TranslateContext, b: PgNode): AlterTableStmt {
  if (b.objectType !== 'OBJECT_TABLE') throw ctx.unsupported(`ALTER ${objectWord(b.objectType)} SET SCHEMA`, b.relation?.location);
  return {
    kind: 'alterTable',
    table: qualifiedName(ctx, b.relation),
    ifExists: b.missing_ok === true,
    inherit: b.relation.inh === true,
    commands: [{ action: 'setSchema', schema: b.newschema, location: ctx.loc(b.relation.location) }],
    location: ctx.loc(b.relation.location),
  };
}

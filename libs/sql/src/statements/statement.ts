// The statement dispatcher: one RawStmt's node -> one Stmt. Every node kind it does not know
// becomes 0A000 `<STATEMENT> is not supported`.
import type { Stmt } from '../types';
import { unwrap, type PgNode, type TranslateContext } from '../context';
import { translateAlterObjectSchema, translateAlterTable, translateRename } from './alter-table';
import { translateAlterSequence } from './alter-sequence';
import { translateComment } from './comment';
import { translateCopy } from './copy';
import { translateCreateIndex } from './create-index';
import { translateCreateTable, translateCreateTableAs } from './create-table';
import { translateCreateView } from './create-view';
import { translateDelete } from './delete';
import { translateDrop, translateDropDatabase } from './drop';
import { translateInsert } from './insert';
import {
  translateCheckpoint, translateDeallocate, translateDiscard, translateExecute, translateExplain,
  translateListen, translateNotify, translatePrepare, translateUnlisten, translateVacuum,
} from './misc-utility';
import {
  translateAlterExtension, translateCreateDatabase, translateCreateExtension, translateCreateSchema,
  translateCreateSequence, translateReindex, translateTruncate,
} from './schema-objects';
import { translateSelect } from './select';
import { translateTransaction } from './transaction';
import { translateUpdate } from './update';
import { translateSet, translateShow } from './variables';

type Translator = (ctx: TranslateContext, body: PgNode) => Stmt;

const TRANSLATORS: Record<string, Translator> = {
  SelectStmt: translateSelect,
  InsertStmt: translateInsert,
  UpdateStmt: translateUpdate,
  DeleteStmt: translateDelete,
  CreateStmt: translateCreateTable,
  CreateTableAsStmt: translateCreateTableAs,
  AlterTableStmt: translateAlterTable,
  RenameStmt: translateRename,
  AlterObjectSchemaStmt: translateAlterObjectSchema,
  DropStmt: translateDrop,
  IndexStmt: translateCreateIndex,
  CreateSchemaStmt: translateCreateSchema,
  CreateExtensionStmt: translateCreateExtension,
  AlterExtensionStmt: translateAlterExtension,
  CreateSeqStmt: translateCreateSequence,
  AlterSeqStmt: translateAlterSequence,
  TruncateStmt: translateTruncate,
  CreatedbStmt: translateCreateDatabase,
  DropdbStmt: translateDropDatabase,
  ReindexStmt: translateReindex,
  TransactionStmt: translateTransaction,
  VariableSetStmt: translateSet,
  VariableShowStmt: translateShow,
  CopyStmt: translateCopy,
  ExplainStmt: translateExplain,
  PrepareStmt: translatePrepare,
  ExecuteStmt: translateExecute,
  DeallocateStmt: translateDeallocate,
  VacuumStmt: translateVacuum,
  CheckPointStmt: translateCheckpoint,
  DiscardStmt: translateDiscard,
  ListenStmt: translateListen,
  UnlistenStmt: translateUnlisten,
  NotifyStmt: translateNotify,
  CommentStmt: translateComment,
  ViewStmt: translateCreateView,
};

/** SQL words for statement node names whose CamelCase does not read as the command. */
const COMMAND_WORDS: Record<string, string> = {
  ViewStmt: 'CREATE VIEW',
  CreateFunctionStmt: 'CREATE FUNCTION',
  CreateTrigStmt: 'CREATE TRIGGER',
  CreateRoleStmt: 'CREATE ROLE',
  CreatePLangStmt: 'CREATE LANGUAGE',
  DoStmt: 'DO',
  MergeStmt: 'MERGE',
  GrantStmt: 'GRANT/REVOKE',
  GrantRoleStmt: 'GRANT role',
  LockStmt: 'LOCK',
  ClusterStmt: 'CLUSTER',
  CallStmt: 'CALL',
  RuleStmt: 'CREATE RULE',
  LoadStmt: 'LOAD',
  DeclareCursorStmt: 'DECLARE CURSOR',
  FetchStmt: 'FETCH',
  ClosePortalStmt: 'CLOSE',
  RefreshMatViewStmt: 'REFRESH MATERIALIZED VIEW',
  ConstraintsSetStmt: 'SET CONSTRAINTS',
  AlterSeqStmt: 'ALTER SEQUENCE',
  CreateEnumStmt: 'CREATE TYPE AS ENUM',
  CompositeTypeStmt: 'CREATE TYPE',
  DefineStmt: 'CREATE object',
  CreateForeignTableStmt: 'CREATE FOREIGN TABLE',
  CreateTableSpaceStmt: 'CREATE TABLESPACE',
  CreatePolicyStmt: 'CREATE POLICY',
  SecLabelStmt: 'SECURITY LABEL',
};

/** `CreateDomainStmt` -> `CREATE DOMAIN`. */
export function commandWords(tag: string): string {
  return COMMAND_WORDS[tag] ?? tag.replace(/Stmt$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}

/** Best-effort location of a statement node for error positions. */
function statementLocation(body: PgNode | undefined): number | undefined {
  const rel = body?.relation ?? body?.view ?? body?.into?.rel;
  return typeof body?.location === 'number' ? body.location : typeof rel?.location === 'number' ? rel.location : undefined;
}

/**
 * `{SelectStmt: {...}}`-style node -> Stmt. `fallbackLocation` (bytes) positions an
 * unsupported-statement error when the node carries no location of its own.
 */
export function translateStmt(ctx: TranslateContext, node: PgNode, fallbackLocation?: number): Stmt {
  const [tag, body] = unwrap(node);
  const translate = TRANSLATORS[tag];
  if (!translate) throw ctx.unsupported(commandWords(tag), fallbackLocation ?? statementLocation(body));
  return translate(ctx, body);
}

// The top-level statement union and the per-statement envelope `parse()` returns.
import type { DeleteStmt, InsertStmt, UpdateStmt } from './dml';
import type {
  AlterExtensionStmt, AlterTableStmt, CreateDatabaseStmt, CreateExtensionStmt, CreateIndexStmt,
  CreateSchemaStmt, CreateSequenceStmt, CreateTableStmt, DropDatabaseStmt, DropStmt, ReindexStmt,
  TruncateStmt, CommentStmt, AlterSequenceStmt,
} from './ddl';
import type { Query } from './query';
import type {
  CheckpointStmt, CopyStmt, DeallocateStmt, DiscardStmt, ExecuteStmt, ExplainStmt, ListenStmt,
  NotifyStmt, PrepareStmt, SetStmt, ShowStmt, TransactionStmt, UnlistenStmt, VacuumStmt,
} from './utility';
import type { CreateViewStmt } from './view';

/** Every statement kind the translator knows. Queries (`select`/`values`/`setOp`) are statements. */
export type Stmt =
  | Query | InsertStmt | UpdateStmt | DeleteStmt
  | CreateTableStmt | AlterTableStmt | DropStmt | CreateIndexStmt | CreateSchemaStmt
  | CreateExtensionStmt | AlterExtensionStmt | CreateSequenceStmt | AlterSequenceStmt | TruncateStmt
  | CreateDatabaseStmt | DropDatabaseStmt | ReindexStmt | CommentStmt
  | TransactionStmt | SetStmt | ShowStmt | CopyStmt | ExplainStmt | PrepareStmt | ExecuteStmt
  | DeallocateStmt | VacuumStmt | CheckpointStmt | DiscardStmt | ListenStmt | UnlistenStmt
  | NotifyStmt | CreateViewStmt;

export type StmtKind = Stmt['kind'];

/** One statement of a (possibly multi-statement) query string. */
export interface Statement {
  stmt: Stmt;
  /** The statement's own source text (without the terminating `;`), as PostgreSQL slices it. */
  text: string;
  /** Offset of `text` in the original string, in characters (code points). */
  location: number;
}

// Utility statements: transactions, SET/SHOW, COPY, EXPLAIN, PREPARE/EXECUTE, maintenance.
import type { Expr, TypeName } from './expr';
import type { DefOption } from './ddl';
import type { QualifiedName } from './query';
import type { Stmt } from './statement';

export type IsolationLevel = 'serializable' | 'repeatable read' | 'read committed' | 'read uncommitted';

export interface TransactionModes { isolationLevel?: IsolationLevel; readOnly?: boolean; deferrable?: boolean }

export interface TransactionStmt {
  kind: 'transaction';
  /** END is commit, ABORT is rollback; `begin` also stands for START TRANSACTION. */
  action:
    | 'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo'
    | 'prepareTransaction' | 'commitPrepared' | 'rollbackPrepared';
  modes: TransactionModes;
  /** SAVEPOINT / RELEASE / ROLLBACK TO name, or the gid of a prepared transaction. */
  name?: string;
  /** COMMIT/ROLLBACK AND CHAIN */
  chain: boolean;
  location: number;
}

export interface SetStmt {
  kind: 'set';
  /**
   * value: `SET x = v` / `SET x TO v, w`; default: `SET x TO DEFAULT` (and `SET TIME ZONE LOCAL`);
   * fromCurrent: `SET x FROM CURRENT`; reset: `RESET x`; resetAll: `RESET ALL`;
   * transaction: `SET TRANSACTION ...` / `SET SESSION CHARACTERISTICS AS TRANSACTION ...`.
   */
  action: 'value' | 'default' | 'fromCurrent' | 'reset' | 'resetAll' | 'transaction';
  /** Lower-case parameter name; `SET TIME ZONE` is `timezone`. */
  name: string;
  values: Expr[];
  local: boolean;
  transactionModes?: TransactionModes;
  /** SET SESSION CHARACTERISTICS AS TRANSACTION (vs SET TRANSACTION). */
  sessionCharacteristics?: boolean;
  location: number;
}

/** `SHOW name`; `SHOW ALL` has name `all`. */
export interface ShowStmt { kind: 'show'; name: string; location: number }

export interface CopyStmt {
  kind: 'copy';
  /** COPY t [(cols)] ...; absent for COPY (query) TO ... */
  table?: QualifiedName;
  columns: string[];
  query?: Stmt;
  direction: 'from' | 'to';
  /** STDIN/STDOUT is `stdio`. */
  target: 'stdio' | 'file' | 'program';
  filename?: string;
  options: DefOption[];
  where?: Expr;
  location: number;
}

export interface ExplainStmt { kind: 'explain'; statement: Stmt; options: DefOption[]; location: number }

export interface PrepareStmt { kind: 'prepare'; name: string; paramTypes: TypeName[]; statement: Stmt; location: number }
export interface ExecuteStmt { kind: 'execute'; name: string; params: Expr[]; location: number }
/** `DEALLOCATE ALL` has no name. */
export interface DeallocateStmt { kind: 'deallocate'; name?: string; location: number }

export interface VacuumStmt {
  kind: 'vacuum';
  /** VACUUM vs ANALYZE (VACUUM ANALYZE is vacuum with an `analyze` option). */
  isVacuum: boolean;
  options: DefOption[];
  relations: Array<{ table: QualifiedName; columns: string[] }>;
  location: number;
}

export interface CheckpointStmt { kind: 'checkpoint'; location: number }
export interface DiscardStmt { kind: 'discard'; target: 'all' | 'plans' | 'sequences' | 'temp'; location: number }
export interface ListenStmt { kind: 'listen'; channel: string; location: number }
/** `UNLISTEN *` has no channel. */
export interface UnlistenStmt { kind: 'unlisten'; channel?: string; location: number }
export interface NotifyStmt { kind: 'notify'; channel: string; payload?: string; location: number }


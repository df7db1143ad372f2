// Statement dispatch: AST node type -> the analyzer of that statement kind. Anything not
// listed is an honest 0A000 `vecgres: statement not supported yet: <node type>`.
import { type AstNode, asNode, bodyOf, nodeKind, unsupported } from './ast';
import type { AnalyzeContext, BoundStatement } from './statement';
import { analyzeCopy } from './statements/copy';
import { analyzeCreateTable, analyzeDrop, analyzeTruncate } from './statements/ddl';
import { analyzeInsert } from './statements/insert';
import { analyzeSelect } from './statements/select';
import { analyzeTransaction } from './statements/transaction-stmt';
import { analyzeSet, analyzeShow } from './statements/variable';

export function analyzeStatement(node: AstNode, ctx: AnalyzeContext): BoundStatement {
  const kind = nodeKind(node);
  const body = bodyOf(node);
  switch (kind) {
    case 'SelectStmt':
      return analyzeSelect(body, ctx);
    case 'VariableShowStmt':
      return analyzeShow(body, ctx);
    case 'VariableSetStmt':
      return analyzeSet(body, ctx);
    case 'TransactionStmt':
      return analyzeTransaction(body);
    case 'CreateStmt':
      return analyzeCreateTable(body, ctx);
    case 'DropStmt':
      return analyzeDrop(body);
    case 'InsertStmt':
      return analyzeInsert(body, ctx);
    case 'TruncateStmt':
      return analyzeTruncate(body, ctx);
    case 'CopyStmt':
      return analyzeCopy(body, ctx);
    default:
      throw unsupported(kind);
  }
}

/** Statements allowed in an aborted transaction block (IsTransactionExitStmt). */
export function isTransactionExit(node: AstNode): boolean {
  const tx = asNode(node, 'TransactionStmt');
  return tx !== undefined && (tx.kind === 'TRANS_STMT_COMMIT' || tx.kind === 'TRANS_STMT_ROLLBACK');
}

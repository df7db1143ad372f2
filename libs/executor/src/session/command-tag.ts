// CommandComplete tags as PostgreSQL writes them.
import type { Stmt } from '@vecgres/sql';

const DROP_WORDS: Record<string, string> = {
  table: 'TABLE', index: 'INDEX', schema: 'SCHEMA', extension: 'EXTENSION', sequence: 'SEQUENCE',
  view: 'VIEW', materializedView: 'MATERIALIZED VIEW',
};

export function ddlTag(stmt: Stmt): string {
  switch (stmt.kind) {
    case 'createTable': return 'CREATE TABLE';
    case 'alterTable': return stmt.relationType === 'view' ? 'ALTER VIEW' : 'ALTER TABLE';
    case 'createView': return 'CREATE VIEW';
    case 'drop': return `DROP ${DROP_WORDS[stmt.objectType] ?? stmt.objectType.toUpperCase()}`;
    case 'createIndex': return 'CREATE INDEX';
    case 'createSchema': return 'CREATE SCHEMA';
    case 'createExtension': return 'CREATE EXTENSION';
    case 'alterExtension': return 'ALTER EXTENSION';
    case 'createSequence': return 'CREATE SEQUENCE';
    case 'alterSequence': return 'ALTER SEQUENCE';
    case 'truncate': return 'TRUNCATE TABLE';
    default: return stmt.kind.toUpperCase();
  }
}

export function dmlTag(command: 'select' | 'insert' | 'update' | 'delete', rows: number): string {
  switch (command) {
    case 'select': return `SELECT ${rows}`;
    case 'insert': return `INSERT 0 ${rows}`;
    case 'update': return `UPDATE ${rows}`;
    case 'delete': return `DELETE ${rows}`;
  }
}

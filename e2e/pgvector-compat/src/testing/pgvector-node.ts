// Typed access to the `pgvector` npm package (0.3.0). It is ESM-only with `exports` subpaths,
// which the repo's TypeScript settings (moduleResolution node10) cannot see, so the parts
// the tests use are declared here and loaded through jest's require (swc turns the ESM into
// CommonJS, see jest.config.js).
import type { ClientBase } from 'pg';

export interface SparseVectorLike {
  dimensions: number;
  indices: number[];
  values: number[];
  toPostgres(): string;
  toArray(): number[];
}

export interface PgvectorMain {
  toSql(value: number[] | SparseVectorLike | null): string | null;
  fromSql(value: string | null): number[] | SparseVectorLike | null;
  SparseVector: {
    new (value: string | number[]): SparseVectorLike;
    new (value: Map<number, number> | Record<number, number>, dimensions: number): SparseVectorLike;
  };
}

export interface PgvectorPg {
  registerTypes(client: ClientBase): Promise<void>;
  toSql(value: number[] | SparseVectorLike | null): string | null;
}

export function loadPgvector(): { pgvector: PgvectorMain; pgvectorPg: PgvectorPg } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pgvector = require('pgvector') as PgvectorMain;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pgvectorPg = require('pgvector/pg') as PgvectorPg;
  return { pgvector, pgvectorPg };
}

// The schema the system-view and catalog-function specs build, and the helpers to compare
// their rows with what PostgreSQL 15.18 printed for the same DDL (recorded in the specs).
// User-object OIDs differ between vecgres and PostgreSQL (PostgreSQL also allocates row
// types and TOAST tables), so they are normalised to `rel:<name>`, `con:<name>`, `ns:<name>`.
import { TestDb } from '../../testing/ddl-helpers';
import { FIRST_NORMAL_OBJECT_ID } from '../../model/rows';
import type { SessionInfo, SystemViewContext, ViewRecord } from '../system-view';
import { findSystemView } from '../system-view-registry';

/** The DDL run on both vecgres and the PostgreSQL oracle. */
export const ORACLE_DDL = `
CREATE SCHEMA app;
CREATE TABLE u (id serial PRIMARY KEY, email varchar(100) NOT NULL UNIQUE, name text DEFAULT 'anon');
CREATE TABLE t (id bigserial PRIMARY KEY, a int CHECK (a > 0), b int REFERENCES u(id) ON DELETE CASCADE,
  c numeric(10,2) DEFAULT 0, d timestamptz DEFAULT now(), tags text[], CONSTRAINT t_ab_uniq UNIQUE (a, b));
CREATE INDEX t_a_idx ON t (a);
CREATE UNIQUE INDEX t_lower_idx ON t (lower(tags[1])) WHERE a > 10;
CREATE INDEX t_multi ON t USING btree (a DESC NULLS LAST, c) INCLUDE (d);
CREATE TABLE app.items (k int GENERATED ALWAYS AS IDENTITY, v text NOT NULL, PRIMARY KEY (k));
CREATE SEQUENCE app.s START 5;
`;

/** More expressions (second oracle run): checks, defaults and index keys in both print modes. */
export const ORACLE_DDL_EXPRESSIONS = `
CREATE TABLE x (a int, b varchar(10), c text, d numeric, e bool, f int8 DEFAULT -1, g text NOT NULL DEFAULT 'x',
  h varchar(5) DEFAULT 'hi',
  CONSTRAINT c1 CHECK (a > 0 AND a < 100), CONSTRAINT c2 CHECK (b <> ''), CONSTRAINT c3 CHECK (c IN ('p','q')),
  CONSTRAINT c4 CHECK (b IN ('r','s')), CONSTRAINT c5 CHECK (a BETWEEN 1 AND 5), CONSTRAINT c6 CHECK (NOT e),
  CONSTRAINT c7 CHECK (c IS NOT NULL OR a IS NULL), CONSTRAINT c8 CHECK ((a + 1) * 2 > a - 1),
  CONSTRAINT c9 CHECK (lower(c) = c), CONSTRAINT c10 CHECK (c LIKE 'a%'), CONSTRAINT c11 CHECK (d > 1.5),
  CONSTRAINT c12 CHECK ((a > 1 OR a < -1) AND e));
CREATE INDEX x_expr ON x ((a + 1));
CREATE INDEX x_lower ON x (lower(c) text_pattern_ops);
CREATE INDEX x_nf ON x (a NULLS FIRST, c DESC NULLS FIRST);
CREATE TABLE y (id int PRIMARY KEY, xr int,
  CONSTRAINT y_fk FOREIGN KEY (xr) REFERENCES y(id) MATCH FULL ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED);
`;

export const TEST_SESSION: SessionInfo = { user: 'postgres', database: 'postgres', searchPath: ['$user', 'public'] };

/** A database with `ddl` applied and a view context over it. */
export function oracleDb(ddl = ORACLE_DDL, session: Partial<SessionInfo> = {}): { db: TestDb; ctx: SystemViewContext } {
  const db = new TestDb().run(ddl);
  return { db, ctx: { catalog: db.catalog, session: { ...TEST_SESSION, ...session } } };
}

/** Records of `schema.name` as generated. */
export function records(ctx: SystemViewContext, schema: 'pg_catalog' | 'information_schema', name: string): ViewRecord[] {
  const view = findSystemView(schema, name);
  if (!view) throw new Error(`no view ${schema}.${name}`);
  return [...view.records(ctx)];
}

/** Replaces a user object's OID by `rel:`/`con:`/`ns:` + its name; other values unchanged. */
export function normalizeOid(ctx: SystemViewContext, v: unknown): unknown {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < FIRST_NORMAL_OBJECT_ID || v >= 0x80000000) return v;
  const { catalog } = ctx;
  const rel = catalog.relation(v);
  if (rel) return `rel:${rel.name}`;
  const con = catalog.constraint(v);
  if (con) return `con:${con.name}`;
  const ns = catalog.namespace(v);
  if (ns) return `ns:${ns.name}`;
  return v;
}

/** Picks `columns` of each record (absent ones are NULL; user OIDs normalised), as a table. */
export function project(ctx: SystemViewContext, rows: readonly ViewRecord[], columns: readonly string[]): unknown[][] {
  return rows.map((r) => columns.map((c) => (Object.hasOwn(r, c) ? normalizeOid(ctx, r[c]) : null)));
}

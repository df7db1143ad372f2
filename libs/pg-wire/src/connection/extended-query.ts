// The extended query protocol: Parse, Bind, Describe, Execute, Close (Sync and Flush are
// handled by the loop). Named statements live until Close; the unnamed statement until the
// next Parse of '' or a simple Query; the unnamed portal until the next Bind of ''; all
// portals at transaction end. Errors are thrown to the loop, which reports them and starts
// skipping to Sync.
// @see https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-EXT-QUERY
import {
  duplicateCursor,
  duplicatePreparedStatement,
  invalidParameter,
  protocolViolation,
  undefinedCursor,
  undefinedPreparedStatement,
  type SqlError,
} from '@vecgres/errors';
import { encodeBindComplete } from '../messages/backend/bind-complete';
import { encodeCloseComplete } from '../messages/backend/close-complete';
import { encodeNoData } from '../messages/backend/no-data';
import { encodeParameterDescription } from '../messages/backend/parameter-description';
import { encodeParseComplete } from '../messages/backend/parse-complete';
import { encodePortalSuspended } from '../messages/backend/portal-suspended';
import { encodeRowDescription } from '../messages/backend/row-description';
import type { BindMessage } from '../messages/frontend/bind';
import type { CloseMessage } from '../messages/frontend/close';
import type { DescribeMessage } from '../messages/frontend/describe';
import type { ExecuteMessage } from '../messages/frontend/execute';
import type { ParseMessage } from '../messages/frontend/parse';
import type { FieldDescription, Portal, PreparedStatement, QueryHandler } from '../query-handler';
import type { WireContext } from './context';
import { createResultSink } from './result-sink';

function handlerOf(ctx: WireContext): QueryHandler {
  if (!ctx.handler) throw new Error('extended query before the handler exists');
  return ctx.handler;
}

function missingStatement(name: string): SqlError {
  return name === ''
    ? undefinedPreparedStatement('unnamed prepared statement does not exist')
    : undefinedPreparedStatement(`prepared statement "${name}" does not exist`);
}

function lookupStatement(ctx: WireContext, name: string): PreparedStatement {
  const stmt = ctx.statements.get(name);
  if (!stmt) throw missingStatement(name);
  return stmt;
}

function lookupPortal(ctx: WireContext, name: string): Portal {
  const portal = ctx.portals.get(name);
  if (!portal) throw undefinedCursor(`portal "${name}" does not exist`);
  return portal;
}

/** Drops the unnamed statement (before a new Parse of '' and at every simple Query). */
export function dropUnnamedStatement(ctx: WireContext): void {
  const old = ctx.statements.get('');
  if (!old) return;
  ctx.statements.delete('');
  handlerOf(ctx).closeStatement(old);
}

export function dropUnnamedPortal(ctx: WireContext): void {
  const old = ctx.portals.get('');
  if (!old) return;
  ctx.portals.delete('');
  handlerOf(ctx).closePortal(old);
}

export async function handleParse(ctx: WireContext, msg: ParseMessage): Promise<void> {
  const handler = handlerOf(ctx);
  if (msg.name === '') dropUnnamedStatement(ctx);
  else if (ctx.statements.has(msg.name)) throw duplicatePreparedStatement(`prepared statement "${msg.name}" already exists`);
  const stmt = await handler.parse(msg.sql, msg.paramTypeOids);
  ctx.statements.set(msg.name, stmt);
  encodeParseComplete(ctx.outbox.writer);
}

function checkFormat(code: number): 0 | 1 {
  if (code !== 0 && code !== 1) throw invalidParameter(`unsupported format code: ${code}`);
  return code;
}

/** Bind's 0/1/N rule for parameter format codes. */
export function expandFormats(codes: number[], count: number): Array<0 | 1> {
  if (codes.length === 0) return new Array<0 | 1>(count).fill(0);
  if (codes.length === 1) return new Array<0 | 1>(count).fill(checkFormat(codes[0]!));
  return codes.map(checkFormat);
}

export async function handleBind(ctx: WireContext, msg: BindMessage): Promise<void> {
  const handler = handlerOf(ctx);
  const stmt = lookupStatement(ctx, msg.statement);
  const nParams = msg.params.length;
  if (msg.paramFormats.length > 1 && msg.paramFormats.length !== nParams) {
    throw protocolViolation(`bind message has ${msg.paramFormats.length} parameter formats but ${nParams} parameters`);
  }
  if (nParams !== stmt.paramTypeOids.length) {
    throw protocolViolation(
      `bind message supplies ${nParams} parameters, but prepared statement "${msg.statement}" requires ${stmt.paramTypeOids.length}`,
    );
  }
  const nColumns = stmt.fields?.length ?? 0;
  if (msg.resultFormats.length > 1 && msg.resultFormats.length !== nColumns) {
    throw protocolViolation(`bind message has ${msg.resultFormats.length} result formats but query has ${nColumns} columns`);
  }
  const paramFormats = expandFormats(msg.paramFormats, nParams);
  const resultFormats = msg.resultFormats.map(checkFormat);
  if (msg.portal === '') dropUnnamedPortal(ctx);
  else if (ctx.portals.has(msg.portal)) throw duplicateCursor(`cursor "${msg.portal}" already exists`);
  // Values are views into the message as received. Socket reads land in a fresh buffer each
  // time (nothing overwrites them), so they are passed on uncopied: a copy per parameter came
  // from node's shared 8 KB pool, whose refills were a visible share of a prepared query.
  const portal = await handler.bind(stmt, { params: msg.params, paramFormats, resultFormats });
  ctx.portals.set(msg.portal, portal);
  encodeBindComplete(ctx.outbox.writer);
}

function describeRows(ctx: WireContext, fields: FieldDescription[] | null): void {
  if (fields) encodeRowDescription(ctx.outbox.writer, { fields });
  else encodeNoData(ctx.outbox.writer);
}

export function handleDescribe(ctx: WireContext, msg: DescribeMessage): void {
  if (msg.target === 'S') {
    const stmt = lookupStatement(ctx, msg.name);
    encodeParameterDescription(ctx.outbox.writer, { typeOids: stmt.paramTypeOids });
    describeRows(ctx, stmt.fields);
  } else {
    describeRows(ctx, lookupPortal(ctx, msg.name).fields);
  }
}

export async function handleExecute(ctx: WireContext, msg: ExecuteMessage): Promise<void> {
  const handler = handlerOf(ctx);
  const portal = lookupPortal(ctx, msg.portal);
  // A negative row count means "no limit" as 0 does (postgres.c treats max_rows <= 0 as all).
  const maxRows = msg.maxRows > 0 ? msg.maxRows : 0;
  const outcome = await handler.execute(portal, maxRows, createResultSink(ctx, true));
  if (outcome === 'suspended') encodePortalSuspended(ctx.outbox.writer);
}

export function handleClose(ctx: WireContext, msg: CloseMessage): void {
  const handler = handlerOf(ctx);
  if (msg.target === 'S') {
    const stmt = ctx.statements.get(msg.name);
    if (stmt) {
      ctx.statements.delete(msg.name);
      handler.closeStatement(stmt);
    }
  } else {
    const portal = ctx.portals.get(msg.name);
    if (portal) {
      ctx.portals.delete(msg.name);
      handler.closePortal(portal);
    }
  }
  // CloseComplete even when nothing had that name, per the protocol docs.
  encodeCloseComplete(ctx.outbox.writer);
}

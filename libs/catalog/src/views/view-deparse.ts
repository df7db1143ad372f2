// A view's query -> the text PostgreSQL 15's pg_get_viewdef prints (ruleutils.c
// get_query_def with PRETTYFLAG_INDENT, or all pretty flags), plus what the query reads.
//
// The same printer makes the view's stored form: with `qualifyAll` every relation is
// schema-qualified, every column reference is qualified by its FROM item and `*` is expanded,
// so re-parsing the stored text later binds to the same objects whatever the search path is
// then, and columns added to a table later do not appear in the view (as in PostgreSQL, which
// stores the analysed tree). Printing relation and column names through `names` (a newer
// catalog) while resolving through `catalog` rewrites the text after a rename.
//
// Layout follows appendContextKeyword: a keyword starts a new line indented by the current
// level plus a per-keyword amount; the SELECT list and FROM items continue on new lines
// indented by 4 (wrapColumn 0 wraps every item).
import { notSupported } from '@vecgres/errors';
import type { Expr, FromItem, Query, SelectQuery, SortBy } from '@vecgres/sql';
import { TYPE_OID } from '../builtins/type-oids';
import { inferType, ruleExpr, type RuleContext } from '../functions/rule-expr';
import { relationDisplayName } from '../functions/relation-names';
import type { Catalog } from '../lookup/catalog';
import { lookupRelation, type ResolveContext } from '../lookup/resolve';
import type { Oid } from '../model/rows';
import type { CatalogRegistry } from '../registry/registry';
import { systemRelationByName, systemRelationByOid } from '../system-views/system-relations';
import type { SessionInfo } from '../system-views/system-view';
import { quoteIdentifier } from '../types/quote';
import { resolveSearchPath } from '../lookup/search-path';

const STD = 8;
const VAR = 4;
const JOIN = 4;

export interface ViewDeparseOptions {
  /** Resolves the query's names. */
  catalog: Catalog;
  /** Prints relation and column names (default: `catalog`); a newer state after a rename. */
  names?: Catalog;
  resolve: ResolveContext;
  registry?: CatalogRegistry;
  /** Schema-qualify every relation (the stored form); else only those not visible. */
  qualifyAll: boolean;
  /** pg_get_viewdef(..., true): parentheses only where needed, no parentheses around joins. */
  pretty?: boolean;
  /** Output names of the top-level query (the view's columns): decide the `AS` labels. */
  outputNames?: readonly string[];
  /** Their types: an untyped literal in the top-level select list or VALUES prints with it. */
  outputTypes?: readonly Oid[];
}

export interface ViewDeparseResult {
  /** ` SELECT t.a,\n    t.b\n   FROM t` (no trailing `;`). */
  text: string;
  /** Relations read, with the attnums referenced. */
  refs: Array<{ oid: Oid; attnums: number[] }>;
}

/** `aliased`: renamed by a FROM alias column list (printed as written, not as the table names it). */
interface ScopeColumn { name: string; type?: Oid; attnum?: number; aliased?: boolean }
/** `refname` is what the stored text calls the item, `shown` what is printed (a renamed table's new name). */
interface ScopeItem { refname: string; shown?: string; rel?: Oid; columns: ScopeColumn[] }
interface Level { items: ScopeItem[]; parent?: Level; ctes: Map<string, ScopeColumn[]> }

class ViewPrinter {
  private buf = '';
  private indent = 0;
  /** Output column types of the select list printed last (a subquery's or CTE's scope types). */
  private lastTypes: Array<Oid | undefined> = [];
  readonly refs = new Map<Oid, Set<number>>();

  constructor(private readonly o: ViewDeparseOptions) {}

  private get names(): Catalog {
    return this.o.names ?? this.o.catalog;
  }

  private session(): SessionInfo {
    const r = this.o.resolve;
    return { user: r.user, database: r.database ?? '', searchPath: r.path, tempSchema: r.tempSchema };
  }

  /** appendContextKeyword. */
  private keyword(text: string, before: number, after: number, plus: number): void {
    this.indent += before;
    this.buf = this.buf.replace(/ +$/, '');
    this.buf += `\n${' '.repeat(Math.max(this.indent, 0) + plus)}`;
    this.indent += after;
    this.buf += text;
  }

  private ruleContext(level: Level): RuleContext {
    return {
      catalog: this.o.catalog, session: this.session(), registry: this.o.registry, pretty: this.o.pretty ?? false,
      column: (names) => this.column(level, names),
      subquery: (q) => this.nested(q, level),
    };
  }

  private expr(level: Level, e: Expr, target?: Oid): string {
    return ruleExpr(this.ruleContext(level), e, target);
  }

  /** A column reference resolved to its FROM item: `refname.column`. */
  private column(level: Level, names: readonly string[]): { text: string; type?: Oid } | undefined {
    const col = names[names.length - 1];
    for (let l: Level | undefined = level; l; l = l.parent) {
      const item = l.items.find((i) => (names.length === 1 || i.refname === names[names.length - 2]) && i.columns.some((c) => c.name === col));
      if (!item) continue;
      const c = item.columns.find((x) => x.name === col)!;
      return { text: `${quoteIdentifier(item.shown ?? item.refname)}.${quoteIdentifier(this.columnName(item, c))}`, type: c.type };
    }
    return undefined;
  }

  private columnName(item: ScopeItem, c: ScopeColumn): string {
    if (item.rel === undefined || c.attnum === undefined) return c.name;
    this.use(item.rel, c.attnum);
    if (c.aliased) return c.name;
    const rel = this.names.relation(item.rel);
    const now = rel && (rel.kind === 'r' || rel.kind === 'v') ? rel.columns.find((x) => x.attnum === c.attnum)?.name : undefined;
    return now ?? c.name;
  }

  private use(oid: Oid, attnum?: number): void {
    const set = this.refs.get(oid) ?? new Set<number>();
    if (attnum !== undefined) set.add(attnum);
    this.refs.set(oid, set);
  }

  /** A nested query (FROM or expression subquery) printed at the current indentation. */
  private nested(q: Query, parent: Level): string {
    const saved = { buf: this.buf, indent: this.indent };
    this.buf = '';
    this.query(q, parent, undefined, undefined);
    const text = this.buf;
    this.buf = saved.buf;
    this.indent = saved.indent;
    return text;
  }

  /** get_query_def: prints `q` into the buffer; returns its output column names. */
  query(q: Query, parent: Level | undefined, outputNames: readonly string[] | undefined, outputTypes: readonly Oid[] | undefined): string[] {
    const start = this.indent;
    const level: Level = { items: [], parent, ctes: new Map(parent?.ctes ?? []) };
    if (q.with) this.withClause(q, level);
    let names: string[];
    if (q.kind === 'select') {
      this.indent += STD;
      this.buf += ' ';
      names = this.select(q, level, outputNames, outputTypes);
    } else if (q.kind === 'values') {
      this.indent += STD;
      this.buf += ` VALUES ${q.rows.map((r) => `(${r.map((e, i) => this.expr(level, e, outputTypes?.[i])).join(',')})`).join(', ')}`;
      names = q.rows[0]?.map((_, i) => outputNames?.[i] ?? `column${i + 1}`) ?? [];
    } else {
      // get_setop_query: the operands at the query's own level, the operator on a line of its own.
      names = this.nestedSetOperand(q.left, parent, outputNames, q, outputTypes);
      this.keyword('', 0, 0, 0);
      this.buf += `${q.op.toUpperCase()}${q.all ? ' ALL' : ''}`;
      const paren = q.right.kind === 'setOp';
      if (paren) this.buf += '(';
      this.keyword('', 0, 0, 0);
      // The right operand's columns are labelled with the left one's names (the result's).
      this.nestedSetOperand(q.right, parent, names, undefined, outputTypes);
      if (paren) this.keyword(')', 0, 0, 0);
    }
    this.tail(q, level, names);
    this.indent = start;
    return names;
  }

  private nestedSetOperand(
    q: Query, parent: Level | undefined, outputNames: readonly string[] | undefined, outer: Query | undefined, outputTypes: readonly Oid[] | undefined,
  ): string[] {
    // A leaf with its own ORDER BY / LIMIT / WITH, or a differing set operation on the left, needs parentheses.
    const paren = q.kind === 'setOp'
      ? outer?.kind === 'setOp' && (q.op !== outer.op || q.all !== outer.all)
      : !!(q.with || q.orderBy.length || q.limit || q.offset);
    if (paren) this.buf += '(';
    const n = this.query(q, parent, outputNames, outputTypes);
    if (paren) this.buf += ')';
    return n;
  }

  private withClause(q: Query, level: Level): void {
    this.indent += STD;
    this.buf += ' ';
    if (q.with!.recursive) throw notSupported('WITH RECURSIVE in a view is not supported');
    let sep = 'WITH ';
    for (const cte of q.with!.ctes) {
      this.buf += `${sep}${quoteIdentifier(cte.name)}${cte.columns ? `(${cte.columns.map(quoteIdentifier).join(', ')})` : ''} AS (`;
      this.keyword('', 0, 0, 0);
      this.lastTypes = [];
      const names = this.query(cte.query as Query, level, undefined, undefined);
      const types = this.lastTypes;
      level.ctes.set(cte.name, (cte.columns?.length ? [...cte.columns, ...names.slice(cte.columns.length)] : names).map((name, i) => ({ name, type: types[i] })));
      this.keyword('', 0, 0, 0);
      this.buf += ')';
      sep = ', ';
    }
    this.indent -= STD;
    this.keyword('', 0, 0, 0);
  }

  private select(q: SelectQuery, level: Level, outputNames: readonly string[] | undefined, outputTypes: readonly Oid[] | undefined): string[] {
    // FROM first (into a side buffer): the target list resolves against it.
    const fromText = this.fromClause(q.from, level);
    this.buf += 'SELECT';
    if (q.distinct) {
      this.buf += q.distinct.on.length ? ` DISTINCT ON (${q.distinct.on.map((e) => this.expr(level, e)).join(', ')})` : ' DISTINCT';
    }
    const targets = this.expandTargets(q, level);
    const names: string[] = [];
    const types: Array<Oid | undefined> = [];
    targets.forEach((t, i) => {
      const text = this.expr(level, t.expr, outputTypes?.[i]);
      // An untyped literal in a subquery's select list resolves to text, as the parser does.
      const type = inferType(this.ruleContext(level), t.expr);
      types.push(type === TYPE_OID.unknown ? TYPE_OID.text : type);
      const name = outputNames?.[i] ?? t.alias ?? naturalName(t.expr);
      names.push(name);
      // A nested query's unnamed expression keeps no label (`EXISTS ( SELECT 1 ...`).
      const bare = (t.expr.kind === 'columnRef' && text.endsWith(`.${quoteIdentifier(name)}`)) || (name === '?column?' && !t.alias);
      const item = bare ? text : `${text} AS ${quoteIdentifier(name)}`;
      if (i === 0) this.buf += ` ${item}`;
      else {
        this.buf += ',';
        this.keyword('', -STD, STD, VAR);
        this.buf += item;
      }
    });
    this.buf += fromText;
    if (q.where) {
      this.keyword(' WHERE ', -STD, STD, 1);
      this.buf += this.expr(level, q.where);
    }
    if (q.groupBy.length) {
      this.keyword(' GROUP BY ', -STD, STD, 1);
      this.buf += q.groupBy.map((e) => this.sortGroupItem(level, e, targets)).join(', ');
    }
    if (q.having) {
      this.keyword(' HAVING ', -STD, STD, 0);
      this.buf += this.expr(level, q.having);
    }
    this.lastTypes = types;
    return names;
  }

  /** `*` and `t.*` expanded into one column reference per column. */
  private expandTargets(q: SelectQuery, level: Level): SelectQuery['targets'] {
    return q.targets.flatMap((t) => {
      if (t.expr.kind !== 'columnRef' || !t.expr.star) return [t];
      const qual = t.expr.names[t.expr.names.length - 1];
      const items = t.expr.names.length ? level.items.filter((i) => i.refname === qual) : level.items;
      return items.flatMap((i) => i.columns.map((c) => ({ expr: { kind: 'columnRef' as const, names: [i.refname, c.name], star: false, location: -1 }, location: -1 })));
    });
  }

  /** get_rule_sortgroupclause: an output name or position stands for its target's expression. */
  private sortGroupItem(level: Level, e: Expr, targets: SelectQuery['targets']): string {
    let target: Expr | undefined;
    if (e.kind === 'const' && e.value.type === 'int4') target = targets[e.value.value - 1]?.expr;
    if (e.kind === 'const' && targets.length === 0) return this.expr(level, e);
    else if (e.kind === 'columnRef' && e.names.length === 1 && !this.column(level, e.names)) {
      target = targets.find((t) => (t.alias ?? naturalName(t.expr)) === e.names[0])?.expr;
    }
    const x = target ?? e;
    const text = this.expr(level, x);
    if (x.kind === 'columnRef' || x.kind === 'const') return text;
    // Function calls (casts included) get parentheses; operators carry their own unless pretty.
    return this.o.pretty || x.kind === 'func' || x.kind === 'cast' ? `(${text})` : text;
  }

  private tail(q: Query, level: Level, names: string[]): void {
    if (q.orderBy.length) {
      this.keyword(' ORDER BY ', -STD, STD, 1);
      if (q.kind === 'select') {
        const targets = this.expandTargets(q, level);
        this.buf += q.orderBy.map((s) => this.sortBy(level, s, targets)).join(', ');
      } else {
        // A set operation's ORDER BY is printed by column number (force_colno).
        this.buf += q.orderBy.map((s) => {
          const e = s.expr;
          const pos = e.kind === 'columnRef' && e.names.length === 1 ? names.indexOf(e.names[0]) + 1 : 0;
          const number: Expr = pos > 0 ? { kind: 'const', value: { type: 'int4', value: pos }, location: -1 } : e;
          return this.sortBy(level, { ...s, expr: number }, []);
        }).join(', ');
      }
    }
    if (q.offset) {
      this.keyword(' OFFSET ', -STD, STD, 0);
      this.buf += this.expr(level, q.offset);
    }
    if (q.limit) {
      this.keyword(' LIMIT ', -STD, STD, 0);
      this.buf += this.expr(level, q.limit);
    }
  }

  private sortBy(level: Level, s: SortBy, targets: SelectQuery['targets']): string {
    let text = this.sortGroupItem(level, s.expr, targets);
    if (s.direction === 'desc') text += ' DESC';
    if (s.nulls === 'first' && s.direction !== 'desc') text += ' NULLS FIRST';
    if (s.nulls === 'last' && s.direction === 'desc') text += ' NULLS LAST';
    if (s.using) text += ` USING ${s.using}`;
    return text;
  }

  /** get_from_clause: adds the items to `level` and returns the clause text. */
  private fromClause(from: FromItem[], level: Level): string {
    if (from.length === 0) return '';
    const saved = this.buf;
    this.buf = '';
    from.forEach((item, i) => {
      if (i === 0) this.keyword(' FROM ', -STD, STD, 2);
      else {
        this.buf += ',';
        this.keyword('', -STD, STD, VAR);
      }
      this.fromItem(item, level);
    });
    const text = this.buf;
    this.buf = saved;
    return text;
  }

  private relationText(oid: Oid): string {
    const rel = this.names.relation(oid);
    if (this.o.qualifyAll) {
      const ns = this.names.namespace(rel?.namespace ?? systemRelationByOid(oid)?.namespace ?? 0)?.name;
      const name = rel?.name ?? systemRelationByOid(oid)?.name ?? String(oid);
      return ns ? `${quoteIdentifier(ns)}.${quoteIdentifier(name)}` : quoteIdentifier(name);
    }
    return relationDisplayName(this.names, this.session(), oid) ?? String(oid);
  }

  private fromItem(item: FromItem, level: Level): void {
    switch (item.kind) {
      case 'table': {
        const cte = item.table.schema === undefined ? level.ctes.get(item.table.name) : undefined;
        if (cte) {
          const refname = item.alias?.name ?? item.table.name;
          this.buf += quoteIdentifier(item.table.name) + (item.alias ? ` ${quoteIdentifier(refname)}` : '');
          level.items.push({ refname, columns: cte.map((c, i) => ({ name: item.alias?.columns?.[i] ?? c.name, type: c.type })) });
          return;
        }
        const { oid, name, columns } = this.resolveTable(item);
        this.use(oid);
        const refname = item.alias?.name ?? name;
        // Without an alias the reference name follows the relation's current name.
        const shown = item.alias?.name ?? this.names.relation(oid)?.name ?? name;
        this.buf += `${item.inherit ? '' : 'ONLY '}${this.relationText(oid)}${item.alias ? ` ${quoteIdentifier(refname)}` : ''}`;
        const cols = columns.map((c, i) => ({ ...c, name: item.alias?.columns?.[i] ?? c.name, aliased: item.alias?.columns?.[i] !== undefined }));
        if (item.alias?.columns) this.buf += `(${item.alias.columns.map(quoteIdentifier).join(', ')})`;
        level.items.push({ refname, shown, rel: oid, columns: cols });
        return;
      }
      case 'subquery': {
        this.buf += item.lateral ? 'LATERAL (' : '(';
        this.lastTypes = [];
        const names = this.query(item.query, item.lateral ? level : level.parent, undefined, undefined);
        const types = this.lastTypes;
        this.buf += ')';
        const refname = item.alias?.name ?? 'unnamed_subquery';
        this.buf += ` ${quoteIdentifier(refname)}`;
        if (item.alias?.columns) this.buf += `(${item.alias.columns.map(quoteIdentifier).join(', ')})`;
        level.items.push({ refname, columns: names.map((n, i) => ({ name: item.alias?.columns?.[i] ?? n, type: types[i] })) });
        return;
      }
      case 'function': {
        const call = item.functions[0].call;
        this.buf += this.expr(level, call);
        const refname = item.alias?.name ?? call.name;
        if (item.alias) this.buf += ` ${quoteIdentifier(refname)}`;
        if (item.alias?.columns) this.buf += `(${item.alias.columns.map(quoteIdentifier).join(', ')})`;
        level.items.push({ refname, columns: (item.alias?.columns ?? [refname]).map((name) => ({ name })) });
        return;
      }
      case 'join': {
        const paren = !this.o.pretty;
        if (paren) this.buf += '(';
        this.fromItem(item.left, level);
        const word = { inner: item.on || item.using ? ' JOIN ' : ' CROSS JOIN ', left: ' LEFT JOIN ', right: ' RIGHT JOIN ', full: ' FULL JOIN ', cross: ' CROSS JOIN ' }[item.joinType];
        this.keyword(item.natural ? ` NATURAL${word}` : word, -STD, STD, JOIN);
        this.fromItem(item.right, level);
        if (item.using) this.buf += ` USING (${item.using.map(quoteIdentifier).join(', ')})`;
        else if (item.on) this.buf += paren ? ` ON (${this.expr(level, item.on)})` : ` ON ${this.expr(level, item.on)}`;
        if (paren) this.buf += ')';
        return;
      }
    }
  }

  private resolveTable(item: Extract<FromItem, { kind: 'table' }>): { oid: Oid; name: string; columns: ScopeColumn[] } {
    const cat = this.o.catalog;
    const rel = lookupRelation(cat, this.o.resolve, item.table, { missingSchemaOk: true });
    if (rel && (rel.kind === 'r' || rel.kind === 'v')) {
      return { oid: rel.oid, name: rel.name, columns: rel.columns.filter((c) => !c.dropped).map((c) => ({ name: c.name, type: c.type, attnum: c.attnum })) };
    }
    if (rel) return { oid: rel.oid, name: rel.name, columns: [] };
    const nsList = item.table.schema !== undefined
      ? [cat.namespaceByName(item.table.schema)?.oid ?? -1]
      : resolveSearchPath(cat, this.o.resolve).relations;
    for (const ns of nsList) {
      const s = systemRelationByName(ns, item.table.name);
      if (s) return { oid: s.oid, name: s.name, columns: s.columns.map((c) => ({ name: c.name, type: c.typeOid })) };
    }
    // The binder has accepted the query before this runs; a name still unknown here is a form
    // this printer does not model.
    throw notSupported(`views reading "${item.table.name}" this way are not supported`);
  }

  text(): string {
    return this.buf;
  }
}

/** FigureColname for the common expression forms. */
export function naturalName(e: Expr): string {
  switch (e.kind) {
    case 'columnRef': return e.names[e.names.length - 1] ?? '?column?';
    case 'func': return e.name;
    case 'cast': return e.arg.kind === 'columnRef' || e.arg.kind === 'func' || e.arg.kind === 'cast' ? naturalName(e.arg) : e.type.name;
    case 'case': return 'case';
    case 'coalesce': return 'coalesce';
    case 'exists': return 'exists';
    case 'array': case 'arraySubquery': return 'array';
    default: return '?column?';
  }
}

/** The view definition text of `query`; see the file header. */
export function deparseViewQuery(query: Query, o: ViewDeparseOptions): ViewDeparseResult {
  const p = new ViewPrinter(o);
  p.query(query, undefined, o.outputNames, o.outputTypes);
  return { text: p.text(), refs: [...p.refs].map(([oid, set]) => ({ oid, attnums: [...set].sort((a, b) => a - b) })) };
}

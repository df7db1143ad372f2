// Name scopes: the FROM items visible at one query level, laid out as one flat row (each
// item's columns at its `offset`), with a link to the enclosing query's scope for correlated
// references. Column lookup follows PostgreSQL's rules and errors (parse_relation.c):
// 42702 ambiguous, 42703 missing column, 42P01 missing FROM-clause entry.
import { SQLSTATE, SqlError, undefinedColumn, undefinedTable } from '@vecgres/errors';
import type { BoundExpr, TypeRef } from '../types/bound-expr';
import { expandStar, mergedFor, type JoinGroup, type StarEntry } from './join-using';
import { at } from './bind-context';

export interface ScopeColumn {
  name: string;
  type: TypeRef;
  /** The base table's OID and attnum when the column is a plain table column. */
  tableOid: number;
  attnum: number;
}

export interface ScopeItem {
  /** The alias (or table name) the item is referenced by. */
  alias: string;
  columns: ScopeColumn[];
  /** Position of the item's first column in the scope's flat row. */
  offset: number;
  /** For a base table: its name (EXPLAIN) and OID. */
  tableName?: string;
  tableOid?: number;
}

export interface ResolvedColumn {
  levelsUp: number;
  index: number;
  column: ScopeColumn;
  item: ScopeItem;
  /** A JOIN USING merged column: its value over that level's flat row (join-using.ts). */
  merged?: BoundExpr;
}

/**
 * PostgreSQL 16 lets a FROM subquery omit its alias; such an item cannot be referenced by name,
 * so it gets one no identifier can spell (identifiers never contain NUL), unique in its scope.
 */
export function unnamedSubqueryAlias(scope: Scope): string {
  return `\0unnamed_subquery_${scope.items.length}`;
}

export class Scope {
  readonly items: ScopeItem[] = [];
  width = 0;
  /** Set when a query at this level reads a column of an outer level (it is correlated). */
  readsOuter = false;
  /** JOINs with USING / NATURAL at this level (merged columns). */
  readonly joinGroups: JoinGroup[] = [];

  constructor(readonly parent?: Scope) {}

  add(item: Omit<ScopeItem, 'offset'>, location: number): ScopeItem {
    if (this.items.some((i) => i.alias === item.alias)) {
      // PostgreSQL reports this one without a position.
      void location;
      throw new SqlError(SQLSTATE.DUPLICATE_ALIAS, `table name "${item.alias}" specified more than once`);
    }
    const full = { ...item, offset: this.width };
    this.items.push(full);
    this.width += item.columns.length;
    return full;
  }

  /** Merges another scope's items (the right side of a join) after this one's. */
  append(other: Scope, location: number): void {
    for (const it of other.items) this.add(it, location);
  }

  private findItem(alias: string): ScopeItem | undefined {
    return this.items.find((i) => i.alias === alias);
  }

  /** Resolves `names` (`c`, `t.c`, `s.t.c`) at this level or an outer one. */
  resolve(names: string[], location: number): ResolvedColumn {
    const col = names[names.length - 1];
    const table = names.length >= 2 ? names[names.length - 2] : undefined;
    let levelsUp = 0;
    for (let s: Scope | undefined = this; s; s = s.parent, levelsUp++) {
      if (table !== undefined) {
        const item = s.findItem(table);
        if (!item) continue;
        const i = item.columns.findIndex((c) => c.name === col);
        if (i < 0) throw undefinedColumn(`column ${table}.${col} does not exist`, at(location));
        return this.found(levelsUp, item, i);
      }
      let hit: { item: ScopeItem; i: number } | undefined;
      const hits: number[] = [];
      for (const item of s.items) {
        item.columns.forEach((c, i) => {
          if (c.name === col) hits.push(item.offset + i);
        });
      }
      const merged = hits.length > 1 ? mergedFor(s.joinGroups, col, hits) : undefined;
      if (merged) {
        const at0 = s.columnAt(merged.cols[0])!;
        return { ...this.found(levelsUp, at0.item, merged.cols[0] - at0.item.offset), merged: merged.expr };
      }
      for (const item of s.items) {
        const i = item.columns.findIndex((c) => c.name === col);
        if (i < 0) continue;
        if (hit) throw new SqlError(SQLSTATE.AMBIGUOUS_COLUMN, `column reference "${col}" is ambiguous`, at(location));
        hit = { item, i };
      }
      if (hit) return this.found(levelsUp, hit.item, hit.i);
    }
    if (table !== undefined) {
      // `FROM emp e` hides the name emp (parse_relation.c errorMissingRTE).
      for (let s: Scope | undefined = this; s; s = s.parent) {
        const aliased = s.items.find((i) => i.tableName === table && i.alias !== table);
        if (aliased) {
          throw undefinedTable(`invalid reference to FROM-clause entry for table "${table}"`, {
            hint: `Perhaps you meant to reference the table alias "${aliased.alias}".`, ...at(location),
          });
        }
      }
      throw undefinedTable(`missing FROM-clause entry for table "${table}"`, at(location));
    }
    throw undefinedColumn(`column "${col}" does not exist`, at(location));
  }

  private found(levelsUp: number, item: ScopeItem, i: number): ResolvedColumn {
    if (levelsUp > 0) {
      // Every level between the reference and the owner is correlated.
      let s: Scope | undefined = this;
      for (let k = 0; k < levelsUp && s; k++, s = s.parent) s.readsOuter = true;
    }
    return { levelsUp, index: item.offset + i, column: item.columns[i], item };
  }

  /** The item and column at flat row position `index` of this level. */
  columnAt(index: number): { item: ScopeItem; column: ScopeColumn } | undefined {
    for (const item of this.items) {
      if (index >= item.offset && index < item.offset + item.columns.length) return { item, column: item.columns[index - item.offset] };
    }
    return undefined;
  }

  /** `t.*` (or every item for `*`): the columns in order, with their row positions. */
  star(table: string | undefined, location: number): StarEntry[] {
    const items = table === undefined ? this.items : this.items.filter((i) => i.alias === table);
    if (table !== undefined && items.length === 0) {
      throw undefinedTable(`missing FROM-clause entry for table "${table}"`, at(location));
    }
    if (table === undefined && items.length === 0) {
      throw new SqlError(SQLSTATE.SYNTAX_ERROR, 'SELECT * with no tables specified is not valid', at(location));
    }
    if (table === undefined && this.joinGroups.length > 0) return expandStar(items, this.joinGroups);
    return items.flatMap((item) => item.columns.map((column, i) => ({ index: item.offset + i, column, item })));
  }
}

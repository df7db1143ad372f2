// Read access to one catalog state: builtin rows merged with the state's rows, with maps by
// OID and by (namespace, name) built lazily on first use. A Catalog wraps exactly one state
// object and never changes; DDL produces a new state and callers wrap it in a new Catalog
// (`catalogOf` caches nothing globally: the planner keeps the Catalog with its snapshot).
import { BUILTINS, type BuiltinRows } from '../builtins/builtin-rows';
import type { ConstraintRow, IndexRelation, Relation, SequenceRelation, TableRelation } from '../model/relations';
import type {
  AccessMethodRow, CastRow, ExtensionRow, NamespaceRow, Oid, OpclassRow, OperatorRow, ProcRow, TypeRow,
} from '../model/rows';
import type { CatalogState } from '../model/state';

type Keyed = { oid: Oid; name: string; namespace: Oid };

function byOid<T extends { oid: Oid }>(rows: Iterable<T>): Map<Oid, T> {
  const m = new Map<Oid, T>();
  for (const r of rows) m.set(r.oid, r);
  return m;
}

function nsKey(namespace: Oid, name: string): string {
  return `${namespace}\u0000${name}`;
}

function byNsName<T extends Keyed>(rows: Iterable<T>): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of rows) m.set(nsKey(r.namespace, r.name), r);
  return m;
}

function groupBy<T, K>(rows: Iterable<T>, key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Lazily computed value, cached on first access. */
class Lazy<T> {
  private value: T | undefined;
  constructor(private readonly compute: () => T) {}
  get(): T {
    if (this.value === undefined) this.value = this.compute();
    return this.value;
  }
}

export class Catalog {
  private readonly namespacesByOid = new Lazy(() => byOid(this.allNamespaces()));
  private readonly namespacesByName = new Lazy(() => new Map(this.allNamespaces().map((n) => [n.name, n])));
  private readonly relationsByName = new Lazy(() => byNsName(Object.values(this.state.relations)));
  private readonly typesByOid = new Lazy(() => byOid([...this.builtins.types, ...Object.values(this.state.types)]));
  private readonly typesByName = new Lazy(() => byNsName(this.typesByOid.get().values()));
  private readonly procsByOid = new Lazy(() => byOid([...this.builtins.procs, ...Object.values(this.state.procs)]));
  private readonly procsByName = new Lazy(() => groupBy(this.procsByOid.get().values(), (p) => p.name));
  private readonly operatorsByOid = new Lazy(() => byOid([...this.builtins.operators, ...Object.values(this.state.operators)]));
  private readonly operatorsByName = new Lazy(() => groupBy(this.operatorsByOid.get().values(), (o) => o.name));
  private readonly castsBySource = new Lazy(() =>
    groupBy([...this.builtins.casts, ...Object.values(this.state.casts)], (c) => c.source));
  private readonly amsByOid = new Lazy(() => byOid([...this.builtins.accessMethods, ...Object.values(this.state.accessMethods)]));
  private readonly opclassesByOid = new Lazy(() => byOid([...this.builtins.opclasses, ...Object.values(this.state.opclasses)]));
  private readonly opclassesByAm = new Lazy(() => groupBy(this.opclassesByOid.get().values(), (c) => c.am));
  private readonly constraintsByTable = new Lazy(() => groupBy(Object.values(this.state.constraints), (c) => c.table));
  private readonly constraintsByRefTable = new Lazy(() =>
    groupBy(Object.values(this.state.constraints).filter((c) => c.fk), (c) => c.fk!.refTable));
  private readonly indexesByTable = new Lazy(() =>
    groupBy(Object.values(this.state.relations).filter((r): r is IndexRelation => r.kind === 'i'), (i) => i.table));
  private readonly sequencesByOwner = new Lazy(() =>
    groupBy(Object.values(this.state.relations).filter((r): r is SequenceRelation => r.kind === 'S' && !!r.ownedBy), (s) => s.ownedBy!.table));

  constructor(readonly state: CatalogState, readonly builtins: BuiltinRows = BUILTINS) {}

  private allNamespaces(): NamespaceRow[] {
    return [...this.builtins.namespaces, ...Object.values(this.state.namespaces)];
  }

  // ---- namespaces ----
  namespace(oid: Oid): NamespaceRow | undefined {
    return this.namespacesByOid.get().get(oid);
  }
  namespaceByName(name: string): NamespaceRow | undefined {
    return this.namespacesByName.get().get(name);
  }
  namespaces(): NamespaceRow[] {
    return [...this.namespacesByOid.get().values()];
  }

  // ---- relations ----
  relation(oid: Oid): Relation | undefined {
    return this.state.relations[oid];
  }
  relationByName(namespace: Oid, name: string): Relation | undefined {
    return this.relationsByName.get().get(nsKey(namespace, name));
  }
  relations(): Relation[] {
    return Object.values(this.state.relations);
  }
  table(oid: Oid): TableRelation | undefined {
    const r = this.relation(oid);
    return r?.kind === 'r' ? r : undefined;
  }
  indexesOf(table: Oid): IndexRelation[] {
    return this.indexesByTable.get().get(table) ?? [];
  }
  /** Sequences OWNED BY a column of `table` (serial, identity, explicit OWNED BY). */
  sequencesOwnedBy(table: Oid): SequenceRelation[] {
    return this.sequencesByOwner.get().get(table) ?? [];
  }

  // ---- constraints ----
  constraint(oid: Oid): ConstraintRow | undefined {
    return this.state.constraints[oid];
  }
  constraintsOf(table: Oid): ConstraintRow[] {
    return this.constraintsByTable.get().get(table) ?? [];
  }
  /** Foreign keys of other (or the same) tables that reference `table`. */
  foreignKeysReferencing(table: Oid): ConstraintRow[] {
    return this.constraintsByRefTable.get().get(table) ?? [];
  }
  constraints(): ConstraintRow[] {
    return Object.values(this.state.constraints);
  }

  // ---- types ----
  type(oid: Oid): TypeRow | undefined {
    return this.typesByOid.get().get(oid);
  }
  typeByName(namespace: Oid, name: string): TypeRow | undefined {
    return this.typesByName.get().get(nsKey(namespace, name));
  }
  types(): TypeRow[] {
    return [...this.typesByOid.get().values()];
  }

  // ---- functions, operators, casts ----
  proc(oid: Oid): ProcRow | undefined {
    return this.procsByOid.get().get(oid);
  }
  /** Every overload named `name`, in any namespace (callers filter by search_path). */
  procsNamed(name: string): readonly ProcRow[] {
    return this.procsByName.get().get(name) ?? [];
  }
  procs(): ProcRow[] {
    return [...this.procsByOid.get().values()];
  }
  operator(oid: Oid): OperatorRow | undefined {
    return this.operatorsByOid.get().get(oid);
  }
  operatorsNamed(name: string): readonly OperatorRow[] {
    return this.operatorsByName.get().get(name) ?? [];
  }
  operators(): OperatorRow[] {
    return [...this.operatorsByOid.get().values()];
  }
  castsFrom(source: Oid): readonly CastRow[] {
    return this.castsBySource.get().get(source) ?? [];
  }
  cast(source: Oid, target: Oid): CastRow | undefined {
    return this.castsFrom(source).find((c) => c.target === target);
  }
  casts(): CastRow[] {
    return [...this.castsBySource.get().values()].flat();
  }

  // ---- access methods and operator classes ----
  accessMethod(oid: Oid): AccessMethodRow | undefined {
    return this.amsByOid.get().get(oid);
  }
  accessMethodByName(name: string): AccessMethodRow | undefined {
    for (const am of this.amsByOid.get().values()) if (am.name === name) return am;
    return undefined;
  }
  accessMethods(): AccessMethodRow[] {
    return [...this.amsByOid.get().values()];
  }
  opclass(oid: Oid): OpclassRow | undefined {
    return this.opclassesByOid.get().get(oid);
  }
  opclassesOf(am: Oid): readonly OpclassRow[] {
    return this.opclassesByAm.get().get(am) ?? [];
  }
  opclasses(): OpclassRow[] {
    return [...this.opclassesByOid.get().values()];
  }

  // ---- extensions ----
  extension(oid: Oid): ExtensionRow | undefined {
    return this.state.extensions[oid];
  }
  extensionByName(name: string): ExtensionRow | undefined {
    return Object.values(this.state.extensions).find((e) => e.name === name);
  }
  extensions(): ExtensionRow[] {
    return Object.values(this.state.extensions);
  }
}

/** A Catalog over `state` (the builtins are shared). */
export function catalogOf(state: CatalogState): Catalog {
  return new Catalog(state);
}

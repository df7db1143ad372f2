// What an extension's install script gets: a builder that creates types, functions,
// operators, casts, access methods and operator classes in the extension's schema, with OIDs
// from the catalog's counter and every row tagged as a member of the extension (so DROP
// EXTENSION drops them, and dropping one of them alone is refused).
import type { Catalog } from '../lookup/catalog';
import type { AccessMethodRow, CastRow, Oid, OpclassRow, OperatorRow, ProcRow, TypeRow } from '../model/rows';
import type { DdlBuilder } from './ddl-builder';

export type NewTypeRow = Omit<TypeRow, 'oid' | 'namespace' | 'array' | 'extension' | 'elem' | 'relid' | 'subscript' | 'collation'> &
  Partial<Pick<TypeRow, 'elem' | 'relid' | 'subscript' | 'collation'>>;
export type NewProcRow = Omit<ProcRow, 'oid' | 'namespace' | 'extension'>;
export type NewOperatorRow = Omit<OperatorRow, 'oid' | 'namespace' | 'extension' | 'commutator' | 'negator'> &
  Partial<Pick<OperatorRow, 'commutator' | 'negator'>>;
export type NewOpclassRow = Omit<OpclassRow, 'oid' | 'namespace' | 'extension' | 'family' | 'keyType'> &
  Partial<Pick<OpclassRow, 'family' | 'keyType'>>;

export class ExtensionBuilder {
  constructor(private readonly b: DdlBuilder, readonly extension: Oid, readonly namespace: Oid) {}

  /** The catalog as built so far (builtins plus what this script added). */
  get catalog(): Catalog {
    return this.b.catalog;
  }

  /**
   * A base type and (unless `array: false`) its array type `_name`, shaped as DefineType
   * makes it: the array shares the element's typmod functions, so vector(3)[] works.
   */
  addType(row: NewTypeRow, opts: { array?: boolean } = {}): { oid: Oid; array: Oid } {
    const oid = this.b.oid();
    const arrayOid = opts.array === false ? 0 : this.b.oid();
    this.b.put('types', {
      elem: 0, relid: 0, subscript: '-', collation: 0, ...row, oid, namespace: this.namespace, array: arrayOid, extension: this.extension,
    });
    if (arrayOid) {
      this.b.put('types', {
        oid: arrayOid, name: `_${row.name}`, namespace: this.namespace, len: -1, byval: false, type: 'b', category: 'A',
        preferred: false, delim: row.delim, relid: 0, elem: oid, array: 0, input: 'array_in', output: 'array_out',
        receive: 'array_recv', send: 'array_send', modin: row.modin, modout: row.modout,
        align: row.align === 'd' ? 'd' : 'i', storage: 'x', subscript: 'array_subscript_handler', collation: 0,
        extension: this.extension,
      });
    }
    return { oid, array: arrayOid };
  }

  addProc(row: NewProcRow): Oid {
    const oid = this.b.oid();
    this.b.put('procs', { ...row, oid, namespace: this.namespace, extension: this.extension });
    return oid;
  }

  addOperator(row: NewOperatorRow): Oid {
    const oid = this.b.oid();
    this.b.put('operators', { commutator: 0, negator: 0, ...row, oid, namespace: this.namespace, extension: this.extension });
    return oid;
  }

  /** Sets an operator's commutator/negator once both exist. */
  linkOperator(oid: Oid, link: { commutator?: Oid; negator?: Oid }): void {
    const op = this.b.catalog.operator(oid);
    if (op) this.b.put('operators', { ...op, ...link });
  }

  addCast(row: Omit<CastRow, 'oid' | 'extension'>): Oid {
    const oid = this.b.oid();
    this.b.put('casts', { ...row, oid, extension: this.extension });
    return oid;
  }

  addAccessMethod(row: Omit<AccessMethodRow, 'oid' | 'extension'>): Oid {
    const oid = this.b.oid();
    this.b.put('accessMethods', { ...row, oid, extension: this.extension });
    return oid;
  }

  addOpclass(row: NewOpclassRow): Oid {
    const oid = this.b.oid();
    const family = row.family ?? this.b.oid();
    this.b.put('opclasses', { keyType: 0, ...row, family, oid, namespace: this.namespace, extension: this.extension });
    return oid;
  }

  /** A type's OID by name: this extension's schema first, then pg_catalog. */
  typeOid(name: string): Oid {
    const t = this.catalog.typeByName(this.namespace, name) ?? this.catalog.typeByName(11, name);
    if (!t) throw new Error(`extension install: unknown type ${name}`);
    return t.oid;
  }
}

/** An extension's install script. */
export type ExtensionInstaller = (x: ExtensionBuilder) => void;

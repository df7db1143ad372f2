// The catalog registry: code (not data) that DDL consults. Access methods register their
// capabilities and WITH (...) validators; types register typmod handlers; extensions
// register their install scripts. One registry per engine instance, built by
// createCatalogRegistry() (no module-level mutable state); the pgvector issue adds `vector`,
// `hnsw` and `ivfflat` through registerExtension / registerAccessMethod.
import type { DefOption } from '@vecgres/sql';
import { builtinTypmodHandlers, type TypmodHandler } from '../types/typmod';
import type { ExtensionInstaller } from '../ddl/extension-builder';
import { validateReloptions, type ValidatedOptions } from './reloptions';

export interface AccessMethodSpec {
  name: string;
  /** amcanunique, amcanmulticol, amcaninclude, amcanorder (ASC/DESC/NULLS options). */
  canUnique: boolean;
  canMultiColumn: boolean;
  canInclude: boolean;
  canOrder: boolean;
  /** Validates WITH (...) (22023 errors); `config` is the typed form the index code reads. */
  validateOptions(options: readonly DefOption[]): ValidatedOptions<unknown>;
}

export interface ExtensionSpec {
  name: string;
  /** default_version of the control file. */
  version: string;
  relocatable: boolean;
  /** A fixed schema (control file `schema = ...`), else the creation schema or WITH SCHEMA. */
  schema?: string;
  /** Other extensions that must exist first (control file `requires`). */
  requires?: readonly string[];
  comment?: string;
  /** Creates the extension's member objects (types, functions, operators, AMs, opclasses). */
  install: ExtensionInstaller;
}

export class CatalogRegistry {
  private readonly typmods = builtinTypmodHandlers();
  private readonly ams = new Map<string, AccessMethodSpec>();
  private readonly exts = new Map<string, ExtensionSpec>();

  /** Adds typmodin/typmodout handlers under their pg_type function names. */
  registerTypmod(inName: string, outName: string, handler: TypmodHandler): void {
    this.typmods.set(inName, handler);
    this.typmods.set(outName, handler);
  }
  typmodHandler(fnName: string): TypmodHandler | undefined {
    return this.typmods.get(fnName);
  }

  registerAccessMethod(spec: AccessMethodSpec): void {
    this.ams.set(spec.name, spec);
  }
  accessMethodSpec(name: string): AccessMethodSpec | undefined {
    return this.ams.get(name);
  }

  registerExtension(spec: ExtensionSpec): void {
    this.exts.set(spec.name, spec);
  }
  extensionSpec(name: string): ExtensionSpec | undefined {
    return this.exts.get(name);
  }
  /** pg_available_extensions. */
  availableExtensions(): ExtensionSpec[] {
    return [...this.exts.values()];
  }
}

const FILLFACTOR = { type: 'int', min: 10, max: 100, default: 90 } as const;

/** The builtin index access methods' capabilities and options (PostgreSQL 15). */
export function builtinAccessMethodSpecs(): AccessMethodSpec[] {
  const am = (
    name: string,
    caps: Pick<AccessMethodSpec, 'canUnique' | 'canMultiColumn' | 'canInclude' | 'canOrder'>,
    specs: Parameters<typeof validateReloptions>[0],
  ): AccessMethodSpec => ({ name, ...caps, validateOptions: (o) => validateReloptions(specs, o) });
  return [
    am('btree', { canUnique: true, canMultiColumn: true, canInclude: true, canOrder: true },
      { fillfactor: FILLFACTOR, deduplicate_items: { type: 'bool', default: true } }),
    am('hash', { canUnique: false, canMultiColumn: false, canInclude: false, canOrder: false },
      { fillfactor: { type: 'int', min: 10, max: 100, default: 75 } }),
    am('gist', { canUnique: false, canMultiColumn: true, canInclude: true, canOrder: false },
      { fillfactor: FILLFACTOR, buffering: { type: 'enum', values: ['on', 'off', 'auto'], default: 'auto' } }),
    am('gin', { canUnique: false, canMultiColumn: true, canInclude: false, canOrder: false },
      { fastupdate: { type: 'bool', default: true }, gin_pending_list_limit: { type: 'int', min: 64, max: 2147483647, default: 4096 } }),
    am('brin', { canUnique: false, canMultiColumn: true, canInclude: false, canOrder: false },
      { pages_per_range: { type: 'int', min: 1, max: 131072, default: 128 }, autosummarize: { type: 'bool', default: false } }),
    am('spgist', { canUnique: false, canMultiColumn: false, canInclude: true, canOrder: false },
      { fillfactor: { type: 'int', min: 10, max: 100, default: 80 } }),
  ];
}

/** A registry with the builtin typmod handlers and access methods (no extensions). */
export function createCatalogRegistry(): CatalogRegistry {
  const r = new CatalogRegistry();
  for (const spec of builtinAccessMethodSpecs()) r.registerAccessMethod(spec);
  return r;
}

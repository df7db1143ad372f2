// CREATE EXTENSION / ALTER EXTENSION UPDATE (extension.c). Available extensions are the
// ones registered in the CatalogRegistry (pgvector's `vector` comes with its issue); their
// install scripts run through an ExtensionBuilder. DROP EXTENSION is in drop.ts.
import { SQLSTATE, SqlError, invalidParameter, notSupported, undefinedObject } from '@vecgres/errors';
import { optionAsBoolean, optionAsString, type AlterExtensionStmt, type CreateExtensionStmt } from '@vecgres/sql';
import { creationNamespace, lookupNamespace } from '../lookup/resolve';
import { notice } from '../model/notice';
import type { Oid } from '../model/rows';
import type { CatalogState } from '../model/state';
import type { ExtensionSpec } from '../registry/registry';
import { DdlBuilder, type DdlContext, type DdlResult } from './ddl-builder';
import { ExtensionBuilder } from './extension-builder';

function specFor(b: DdlBuilder, name: string): ExtensionSpec {
  const spec = b.ctx.registry.extensionSpec(name);
  if (!spec) {
    throw notSupported(`extension "${name}" is not available`, {
      hint: 'The extension must first be installed on the system where PostgreSQL is running.',
    });
  }
  return spec;
}

function install(b: DdlBuilder, spec: ExtensionSpec, schemaName: string | undefined, version: string | undefined, cascade: boolean): void {
  if (version !== undefined && version !== spec.version) {
    throw invalidParameter(`extension "${spec.name}" has no installation script nor update path for version "${version}"`);
  }
  for (const req of spec.requires ?? []) {
    if (b.catalog.extensionByName(req)) continue;
    if (!cascade) {
      throw undefinedObject(`required extension "${req}" is not installed`, {
        hint: 'Use CREATE EXTENSION ... CASCADE to install required extensions too.',
      });
    }
    b.notice(notice(SQLSTATE.SUCCESSFUL_COMPLETION, `installing required extension "${req}"`));
    install(b, specFor(b, req), schemaName, undefined, cascade);
  }
  let namespace: Oid;
  if (spec.schema !== undefined) {
    if (schemaName !== undefined && schemaName !== spec.schema) {
      throw notSupported(`extension "${spec.name}" must be installed in schema "${spec.schema}"`);
    }
    // A control file's fixed schema is created when missing (extension.c does the same).
    namespace = b.catalog.namespaceByName(spec.schema)?.oid ?? (() => {
      const oid = b.oid();
      b.put('namespaces', { oid, name: spec.schema!, owner: b.ctx.user });
      return oid;
    })();
  } else if (schemaName !== undefined) {
    namespace = lookupNamespace(b.catalog, schemaName, b.ctx).oid;
  } else {
    namespace = creationNamespace(b.catalog, b.ctx, { name: spec.name, location: -1 });
  }
  const oid = b.oid();
  b.put('extensions', { oid, name: spec.name, namespace, version: spec.version, relocatable: spec.relocatable, owner: b.ctx.user });
  spec.install(new ExtensionBuilder(b, oid, namespace));
}

export function createExtension(state: CatalogState, stmt: CreateExtensionStmt, ctx: DdlContext): DdlResult {
  const b = new DdlBuilder(state, ctx);
  if (b.catalog.extensionByName(stmt.name)) {
    if (stmt.ifNotExists) {
      b.notice(notice(SQLSTATE.DUPLICATE_OBJECT, `extension "${stmt.name}" already exists, skipping`));
      return b.result();
    }
    throw new SqlError(SQLSTATE.DUPLICATE_OBJECT, `extension "${stmt.name}" already exists`);
  }
  let schema: string | undefined;
  let version: string | undefined;
  let cascade = false;
  for (const opt of stmt.options) {
    if (opt.name === 'schema') schema = optionAsString(opt.value);
    else if (opt.name === 'new_version') version = optionAsString(opt.value);
    else if (opt.name === 'cascade') cascade = optionAsBoolean(opt.value) ?? false;
    else throw notSupported(`CREATE EXTENSION option "${opt.name}" is not supported`);
  }
  install(b, specFor(b, stmt.name), schema, version, cascade);
  return b.result();
}

export function alterExtension(state: CatalogState, stmt: AlterExtensionStmt, ctx: DdlContext): DdlResult {
  const b = new DdlBuilder(state, ctx);
  const ext = b.catalog.extensionByName(stmt.name);
  if (!ext) throw undefinedObject(`extension "${stmt.name}" does not exist`);
  const spec = specFor(b, stmt.name);
  const toOpt = stmt.options.find((o) => o.name === 'new_version');
  const target = (toOpt && optionAsString(toOpt.value)) ?? spec.version;
  if (target === ext.version) {
    b.notice(notice(SQLSTATE.SUCCESSFUL_COMPLETION, `version "${ext.version}" of extension "${ext.name}" is already installed`));
    return b.result();
  }
  throw invalidParameter(`extension "${ext.name}" has no update path from version "${ext.version}" to version "${target}"`);
}

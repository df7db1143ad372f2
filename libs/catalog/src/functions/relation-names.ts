// Relation identity across the user's relations and the virtual system relations: the name
// and namespace of any pg_class OID, search-path lookup and visibility that also find
// pg_catalog.pg_class & co. (the state only holds user relations).
import type { Catalog } from '../lookup/catalog';
import { resolveSearchPath } from '../lookup/search-path';
import type { Oid } from '../model/rows';
import { systemRelationByName, systemRelationByOid } from '../system-views/system-relations';
import type { SessionInfo } from '../system-views/system-view';
import { quoteIdentifier } from '../types/quote';

/** The (name, namespace) of a pg_class row. */
export interface RelationIdentity {
  oid: Oid;
  name: string;
  namespace: Oid;
  /** relkind. */
  kind: string;
}

/** Session facts for name resolution, as the SearchPathContext the catalog lookups take. */
export function pathContext(session: SessionInfo) {
  return { path: session.searchPath, user: session.user, tempSchema: session.tempSchema, database: session.database };
}

export function relationIdentity(catalog: Catalog, oid: Oid): RelationIdentity | undefined {
  const r = catalog.relation(oid);
  if (r) return { oid, name: r.name, namespace: r.namespace, kind: r.kind };
  const s = systemRelationByOid(oid);
  return s ? { oid, name: s.name, namespace: s.namespace, kind: s.kind } : undefined;
}

/** The relation named `name` in namespace `ns`, user or system. */
export function relationInNamespace(catalog: Catalog, ns: Oid, name: string): RelationIdentity | undefined {
  const r = catalog.relationByName(ns, name);
  if (r) return { oid: r.oid, name: r.name, namespace: r.namespace, kind: r.kind };
  const s = systemRelationByName(ns, name);
  return s ? { oid: s.oid, name: s.name, namespace: s.namespace, kind: s.kind } : undefined;
}

/** The first relation named `name` along the search path (temp, pg_catalog, listed schemas). */
export function relationOnPath(catalog: Catalog, session: SessionInfo, name: string): RelationIdentity | undefined {
  for (const ns of resolveSearchPath(catalog, pathContext(session)).relations) {
    const r = relationInNamespace(catalog, ns, name);
    if (r) return r;
  }
  return undefined;
}

/** pg_table_is_visible over user and system relations. */
export function isRelationOidVisible(catalog: Catalog, session: SessionInfo, oid: Oid): boolean {
  const rel = relationIdentity(catalog, oid);
  if (!rel) return false;
  return relationOnPath(catalog, session, rel.name)?.oid === oid;
}

/**
 * generate_relation_name / regclassout: the name, schema-qualified when the relation is not
 * visible through the search path, each part quoted as needed.
 */
export function relationDisplayName(catalog: Catalog, session: SessionInfo, oid: Oid, forceQualify = false): string | undefined {
  const rel = relationIdentity(catalog, oid);
  if (!rel) return undefined;
  if (!forceQualify && isRelationOidVisible(catalog, session, oid)) return quoteIdentifier(rel.name);
  const ns = catalog.namespace(rel.namespace)?.name ?? '???';
  return `${quoteIdentifier(ns)}.${quoteIdentifier(rel.name)}`;
}

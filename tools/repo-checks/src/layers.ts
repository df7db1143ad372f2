// The allowed import directions between layers (ARCHITECTURE.md section 1). A project may
// import projects whose layer is listed for its own layer. Specific projects can be allowed
// beyond their layer (with the reason next to the entry).
export const LAYERS = [
  'layer:app',
  'layer:protocol',
  'layer:frontend',
  'layer:engine',
  'layer:index',
  'layer:storage',
  'layer:native',
  'layer:tools',
  'layer:e2e',
] as const;
export type Layer = (typeof LAYERS)[number];

/** Projects that are leaves every layer may use. */
export const LEAF_PROJECTS = new Set(['@vecgres/errors']);

export const ALLOWED: Record<Layer, readonly Layer[]> = {
  'layer:app': ['layer:protocol', 'layer:frontend', 'layer:engine', 'layer:index', 'layer:storage', 'layer:native', 'layer:tools'],
  // pg-wire and pg-types import errors only (pg-wire exposes QueryHandler; it never imports the engine).
  'layer:protocol': [],
  // sql -> catalog -> planner; payload-index *types* are allowed (checked by name below).
  'layer:frontend': ['layer:frontend'],
  'layer:engine': ['layer:frontend', 'layer:storage', 'layer:index', 'layer:protocol'],
  'layer:index': ['layer:storage', 'layer:native'],
  'layer:storage': ['layer:native'],
  'layer:native': [],
  // tools (bench, import, datasets, codegen) drive the whole stack from outside.
  'layer:tools': ['layer:app', 'layer:protocol', 'layer:frontend', 'layer:engine', 'layer:index', 'layer:storage', 'layer:native', 'layer:tools'],
  'layer:e2e': ['layer:app', 'layer:protocol', 'layer:frontend', 'layer:engine', 'layer:index', 'layer:storage', 'layer:native', 'layer:tools'],
};

/** Extra single-project permissions, each with its reason. */
export const EXTRA_ALLOWED: Record<string, readonly string[]> = {
  // The planner reads payload-index cardinality estimate types (ARCHITECTURE.md section 1).
  '@vecgres/planner': ['@vecgres/payload-index'],
  // The executor encodes rows with pg-types (protocol layer) — allowed by the table above.
};

export function mayImport(fromLayer: Layer, fromName: string, toLayer: Layer, toName: string): boolean {
  if (LEAF_PROJECTS.has(toName)) return true;
  if ((EXTRA_ALLOWED[fromName] ?? []).includes(toName)) return true;
  // Within the protocol layer, pg-wire may not import pg-types or vice versa unless listed.
  return ALLOWED[fromLayer].includes(toLayer);
}

// Reads the npm workspaces of the repo: each project's name, directory, Nx tags, declared
// @vecgres dependencies, and the @vecgres imports its source files actually make.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Project {
  name: string;
  dir: string;
  tags: string[];
  declaredDeps: string[];
  /** @vecgres/* package name -> files (repo-relative) that import it */
  imports: Map<string, string[]>;
}

export const repoRoot = join(__dirname, '..', '..', '..');

const SOURCE_EXT = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIP_DIRS = new Set(['node_modules', 'build', 'dist', 'coverage', 'fixtures', '.nx']);

export function listSourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      if (SKIP_DIRS.has(entry) || entry.startsWith('.') || entry.startsWith('build-')) continue;
      const p = join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** ES imports, dynamic imports and require() of @vecgres packages (subpaths included). */
const IMPORT_RE = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](@vecgres\/[a-z0-9-]+)(?:\/[^'"]*)?['"]/g;

/** Spec files and test builders (src/testing/) are test code. */
export function isTestFile(file: string): boolean {
  return /\.spec\.ts$/.test(file) || /(^|\/)src\/testing\//.test(file);
}

export function importsOf(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(IMPORT_RE)) found.add(m[1]);
  return [...found];
}

export function readProjects(): Project[] {
  const rootPkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const projects: Project[] = [];
  for (const pattern of rootPkg.workspaces as string[]) {
    const parent = join(repoRoot, pattern.replace(/\/\*$/, ''));
    if (!existsSync(parent)) continue;
    for (const entry of readdirSync(parent)) {
      const dir = join(parent, entry);
      const pkgPath = join(dir, 'package.json');
      if (!existsSync(pkgPath)) continue;
      const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
      const deps = { ...pkg.dependencies, ...pkg.devDependencies };
      const imports = new Map<string, string[]>();
      for (const file of listSourceFiles(dir).filter((f) => SOURCE_EXT.test(f))) {
        for (const imp of importsOf(readFileSync(file, 'utf8'))) {
          if (imp === pkg.name) continue;
          imports.set(imp, [...(imports.get(imp) ?? []), relative(repoRoot, file)]);
        }
      }
      projects.push({
        name: pkg.name,
        dir: relative(repoRoot, dir),
        tags: pkg.nx?.tags ?? [],
        declaredDeps: Object.keys(deps).filter((d) => d.startsWith('@vecgres/')),
        imports,
      });
    }
  }
  return projects;
}

// Rules about source files that no compiler checks (ARCHITECTURE.md sections 1-3).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listSourceFiles, readProjects, repoRoot } from './workspace';

const roots = ['apps', 'libs', 'tools', 'e2e', 'native'].map((d) => join(repoRoot, d));
const files = roots.flatMap(listSourceFiles).map((f) => relative(repoRoot, f));
const code = files.filter((f) => /\.(ts|js|mjs|cpp|h|hpp)$/.test(f) && !/\.d\.ts$/.test(f) && !/generated/.test(f));

describe('source rules', () => {
  it('only libs/native-bindings loads the .node addon', () => {
    const offenders = code
      .filter((f) => f.endsWith('.ts') && !f.startsWith('libs/native-bindings/'))
      .filter((f) => /(require|dlopen)\s*\([^)]*\.node['"`]/.test(readFileSync(join(repoRoot, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('files over 600 lines say why in a comment', () => {
    const over = code.filter((f) => {
      const text = readFileSync(join(repoRoot, f), 'utf8');
      return text.split('\n').length > 600 && !/file-size: /.test(text);
    });
    expect(over).toEqual([]);
  });

  it('every lib exposes src/index.ts as its main', () => {
    const libs = readProjects().filter((p) => p.dir.startsWith('libs/'));
    for (const p of libs) {
      const pkg = JSON.parse(readFileSync(join(repoRoot, p.dir, 'package.json'), 'utf8'));
      expect({ name: p.name, main: pkg.main }).toEqual({ name: p.name, main: 'src/index.ts' });
      expect(p.name).toBe(`@vecgres/${p.dir.slice('libs/'.length)}`);
    }
  });

  it('nothing imports another package by a relative path into its src', () => {
    const offenders = code
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from\s+['"](\.\.\/)+(libs|apps|tools)\/[^'"]+['"]/.test(readFileSync(join(repoRoot, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

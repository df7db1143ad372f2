import { LAYERS, Layer, mayImport } from './layers';
import { importsOf, isTestFile, readProjects } from './workspace';

const projects = readProjects();
const byName = new Map(projects.map((p) => [p.name, p]));

describe('workspace projects', () => {
  it('finds the projects of every workspace folder', () => {
    expect(byName.has('@vecgres/native-bindings')).toBe(true);
    expect(byName.has('@vecgres/native-addon')).toBe(true);
    expect(byName.has('@vecgres/repo-checks')).toBe(true);
  });

  it.each(projects.map((p) => [p.name, p] as const))('%s has exactly one layer tag', (_name, p) => {
    const layers = p.tags.filter((t) => t.startsWith('layer:'));
    expect(layers).toHaveLength(1);
    expect(LAYERS).toContain(layers[0]);
  });
});

describe('dependency rules (ARCHITECTURE.md section 1)', () => {
  const edges = projects.flatMap((p) =>
    [...p.imports.entries()].map(([to, files]) => ({ from: p, to, files })),
  );

  it('every import between projects goes down the layers', () => {
    const violations = edges.flatMap((e) => {
      const target = byName.get(e.to);
      if (!target) return [`${e.from.name} imports unknown package ${e.to} (${e.files.join(', ')})`];
      const fromLayer = e.from.tags.find((t) => t.startsWith('layer:')) as Layer;
      const toLayer = target.tags.find((t) => t.startsWith('layer:')) as Layer;
      // Tests (spec files and src/testing builders) may use tools such as the dataset readers.
      const testOnly = e.files.every(isTestFile);
      if (testOnly && toLayer === 'layer:tools') return [];
      return mayImport(fromLayer, e.from.name, toLayer, e.to)
        ? []
        : [`${e.from.name} (${fromLayer}) may not import ${e.to} (${toLayer}); in ${e.files.join(', ')}`];
    });
    expect(violations).toEqual([]);
  });

  it('every imported project is declared in package.json', () => {
    const undeclared = edges
      .filter((e) => !e.from.declaredDeps.includes(e.to))
      .map((e) => `${e.from.name} imports ${e.to} without declaring it`);
    expect(undeclared).toEqual([]);
  });

  it('the checker sees imports in all their forms', () => {
    // Built from pieces so that this file itself does not contain the imports it tests.
    const at = '@vec' + 'gres/';
    const src = `import { a } from '${at}errors';\nconst b = require("${at}pg-wire");\nawait import('${at}storage/x');\nimport x from 'pg';`;
    expect(importsOf(src).sort()).toEqual(['@vecgres/errors', '@vecgres/pg-wire', '@vecgres/storage']);
  });

  it('rejects an upward import', () => {
    expect(mayImport('layer:storage', '@vecgres/storage', 'layer:engine', '@vecgres/executor')).toBe(false);
    expect(mayImport('layer:protocol', '@vecgres/pg-wire', 'layer:engine', '@vecgres/executor')).toBe(false);
    expect(mayImport('layer:protocol', '@vecgres/pg-wire', 'layer:protocol', '@vecgres/errors')).toBe(true);
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  checkMarkedSection,
  KERNELS_BEGIN,
  KERNELS_END,
  replaceMarkedSection,
  sectionMarkers,
  writeMarkedSection,
} from './docs-section';

const doc = `# Benchmarks\n\nintro\n\n${KERNELS_BEGIN}\nold table\n${KERNELS_END}\n\n## Later\ntext\n`;

describe('replaceMarkedSection', () => {
  it('replaces only the text between the markers', () => {
    expect(replaceMarkedSection(doc, '| new |\n')).toBe(
      `# Benchmarks\n\nintro\n\n${KERNELS_BEGIN}\n| new |\n${KERNELS_END}\n\n## Later\ntext\n`,
    );
  });

  it('is idempotent', () => {
    const once = replaceMarkedSection(doc, 'body');
    expect(replaceMarkedSection(once, 'body')).toBe(once);
  });

  it('rejects a document without both markers in order', () => {
    expect(() => replaceMarkedSection('# none', 'x')).toThrow(/markers/);
    expect(() => replaceMarkedSection(`${KERNELS_END}\n${KERNELS_BEGIN}`, 'x')).toThrow(/markers/);
    expect(() => replaceMarkedSection(`${KERNELS_BEGIN}${KERNELS_BEGIN}${KERNELS_END}`, 'x')).toThrow(/twice/);
  });
});

describe('sectionMarkers', () => {
  it('names the markers of a section and rejects odd names', () => {
    expect(sectionMarkers('kernels')).toEqual({ begin: KERNELS_BEGIN, end: KERNELS_END });
    expect(sectionMarkers('kernels-aligned').begin).toBe('<!-- kernels-aligned:begin -->');
    expect(() => sectionMarkers('a -->')).toThrow(/section name/);
  });
});

describe('writeMarkedSection', () => {
  it('rewrites the file in place', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bench-doc-')), 'benchmarks.md');
    writeFileSync(path, doc);
    writeMarkedSection(path, 'fresh');
    expect(readFileSync(path, 'utf8')).toContain(`${KERNELS_BEGIN}\nfresh\n${KERNELS_END}\n\n## Later`);
    writeFileSync(path, `${doc}\n<!-- other:begin -->\n<!-- other:end -->\n`);
    writeMarkedSection(path, 'second', 'other');
    expect(readFileSync(path, 'utf8')).toContain('<!-- other:begin -->\nsecond\n<!-- other:end -->');
    expect(readFileSync(path, 'utf8')).toContain(`${KERNELS_BEGIN}\nold table\n${KERNELS_END}`);
  });

  it('can be checked before a long run', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bench-doc-')), 'benchmarks.md');
    writeFileSync(path, doc);
    expect(() => checkMarkedSection(path, 'kernels')).not.toThrow();
    expect(() => checkMarkedSection(path, 'missing')).toThrow(/markers/);
    expect(() => checkMarkedSection(join(path, 'nope'), 'kernels')).toThrow();
    expect(readFileSync(path, 'utf8')).toBe(doc);
  });
});

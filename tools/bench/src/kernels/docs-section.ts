// Rewrites the generated part of docs/benchmarks.md: everything between the two markers is
// replaced, the hand-written text around them is kept.
import { readFileSync, writeFileSync } from 'node:fs';

export const KERNELS_BEGIN = '<!-- kernels:begin -->';
export const KERNELS_END = '<!-- kernels:end -->';

/** The markers of a named generated section: `<!-- <name>:begin -->` ... `<!-- <name>:end -->`. */
export function sectionMarkers(name: string): { begin: string; end: string } {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    throw Object.assign(new Error(`section name must be lowercase letters, digits and dashes: "${name}"`), { code: '22023' });
  }
  return { begin: `<!-- ${name}:begin -->`, end: `<!-- ${name}:end -->` };
}

/** `doc` with the text between the markers replaced by `body`; throws if the markers are missing. */
export function replaceMarkedSection(doc: string, body: string, begin = KERNELS_BEGIN, end = KERNELS_END): string {
  const b = doc.indexOf(begin);
  const e = doc.indexOf(end, b + begin.length);
  if (b < 0 || e < 0) {
    throw Object.assign(new Error(`markers ${begin} ... ${end} not found (in this order)`), { code: '22023' });
  }
  if (doc.indexOf(begin, b + begin.length) >= 0 && doc.indexOf(begin, b + begin.length) < e) {
    throw Object.assign(new Error(`marker ${begin} appears twice before ${end}`), { code: '22023' });
  }
  return `${doc.slice(0, b + begin.length)}\n${body.trim()}\n${doc.slice(e)}`;
}

/** Throws unless `path` is readable and has the section's markers. */
export function checkMarkedSection(path: string, section = 'kernels'): void {
  const { begin, end } = sectionMarkers(section);
  replaceMarkedSection(readFileSync(path, 'utf8'), '', begin, end);
}

export function writeMarkedSection(path: string, body: string, section = 'kernels'): void {
  const { begin, end } = sectionMarkers(section);
  const doc = readFileSync(path, 'utf8');
  writeFileSync(path, replaceMarkedSection(doc, body, begin, end));
}

// A private temp directory per engine instance, for index files (size, reload per ef).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class TempDir {
  readonly path: string;
  constructor(prefix: string) {
    this.path = mkdtempSync(join(tmpdir(), `vecgres-bench-${prefix}-`));
  }
  file(name: string): string {
    return join(this.path, name);
  }
  static sizeOf(path: string): number {
    return statSync(path).size;
  }
  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

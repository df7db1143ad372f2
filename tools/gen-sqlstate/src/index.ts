import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseErrcodes } from './parse-errcodes';
import { renderSqlstateModule } from './render-module';

export { parseErrcodes, type Errcodes, type ErrcodeEntry, type ErrcodeClass } from './parse-errcodes';
export { renderSqlstateModule } from './render-module';

/** The vendored errcodes.txt. */
export const ERRCODES_PATH = join(__dirname, '..', 'errcodes.txt');
/** Where the generated module is checked in. */
export const GENERATED_PATH = join(__dirname, '..', '..', '..', 'libs', 'errors', 'src', 'generated', 'sqlstate.ts');

/** Reads the vendored table and renders the module source (no file is written). */
export function generateSqlstateSource(errcodesPath: string = ERRCODES_PATH): string {
  return renderSqlstateModule(parseErrcodes(readFileSync(errcodesPath, 'utf8')));
}

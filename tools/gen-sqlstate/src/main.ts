// `npm run gen` (in tools/gen-sqlstate): regenerates libs/errors/src/generated/sqlstate.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GENERATED_PATH, generateSqlstateSource } from './index';

const source = generateSqlstateSource();
mkdirSync(dirname(GENERATED_PATH), { recursive: true });
writeFileSync(GENERATED_PATH, source);
process.stdout.write(`wrote ${GENERATED_PATH}\n`);

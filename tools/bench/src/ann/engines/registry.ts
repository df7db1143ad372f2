// The engines the ANN bench knows, by CLI name. Each is created fresh per dataset run.
import { HnswlibEngine } from './hnswlib';
import { UsearchEngine } from './usearch';
import { VecgresEngine } from './vecgres';
import type { AnnEngine } from '../types';

export const ENGINE_NAMES = ['vecgres', 'hnswlib', 'usearch'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export function isEngineName(s: string): s is EngineName {
  return (ENGINE_NAMES as readonly string[]).includes(s);
}

export function createEngine(name: EngineName): AnnEngine {
  switch (name) {
    case 'vecgres':
      return new VecgresEngine();
    case 'hnswlib':
      return new HnswlibEngine();
    case 'usearch':
      return new UsearchEngine();
  }
}

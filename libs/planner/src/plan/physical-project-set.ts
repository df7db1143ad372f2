// ProjectSet: per input row, runs every set-returning call of the target list in lockstep and
// emits max(rows) rows: the input row followed by each call's value (NULL once a call ran
// out). An input row for which every call returns nothing produces no output (PostgreSQL 10+).
import type { SrfCall } from './physical-function-scan';
import type { PhysicalNode } from './physical-node';

export interface PhysicalProjectSet { kind: 'projectSet'; input: PhysicalNode; calls: SrfCall[] }

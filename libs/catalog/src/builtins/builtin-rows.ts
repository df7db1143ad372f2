// All builtin rows in one place, grouped by catalog. Builtins are shared constants (frozen
// data, never mutated), merged with a state's user rows by the Catalog lookups.
import { BUILTIN_NAMESPACES } from '../model/state';
import type {
  AccessMethodRow, CastRow, NamespaceRow, OpclassRow, OperatorRow, ProcRow, TypeRow,
} from '../model/rows';
import { BUILTIN_CASTS } from './generated/casts';
import { BUILTIN_ACCESS_METHODS, BUILTIN_OPCLASSES } from './generated/opclasses';
import { BUILTIN_ARITHMETIC_OPERATORS } from './generated/operators-arithmetic';
import { BUILTIN_COMPARISON_OPERATORS } from './generated/operators-comparison';
import { BUILTIN_OTHER_OPERATORS } from './generated/operators-other';
import { BUILTIN_AGGREGATE_PROCS } from './generated/procs-aggregate';
import { BUILTIN_ARRAY_PROCS } from './generated/procs-array';
import { BUILTIN_DATETIME_PROCS } from './generated/procs-datetime';
import { BUILTIN_JSON_PROCS } from './generated/procs-json';
import { BUILTIN_MATH_PROCS } from './generated/procs-math';
import { BUILTIN_SRF_PROCS } from './generated/procs-srf';
import { BUILTIN_STRING_PROCS } from './generated/procs-string';
import { BUILTIN_SUPPORT_PROCS } from './generated/procs-support';
import { BUILTIN_SYSTEM_PROCS } from './generated/procs-system';
import { BUILTIN_WINDOW_PROCS } from './generated/procs-window';
import { BUILTIN_TYPES } from './generated/types';

export interface BuiltinRows {
  namespaces: readonly NamespaceRow[];
  types: readonly TypeRow[];
  procs: readonly ProcRow[];
  operators: readonly OperatorRow[];
  casts: readonly CastRow[];
  accessMethods: readonly AccessMethodRow[];
  opclasses: readonly OpclassRow[];
}

export const BUILTINS: BuiltinRows = {
  namespaces: BUILTIN_NAMESPACES,
  types: BUILTIN_TYPES,
  procs: [
    ...BUILTIN_MATH_PROCS, ...BUILTIN_STRING_PROCS, ...BUILTIN_DATETIME_PROCS, ...BUILTIN_JSON_PROCS,
    ...BUILTIN_ARRAY_PROCS, ...BUILTIN_SRF_PROCS, ...BUILTIN_AGGREGATE_PROCS,
    ...BUILTIN_WINDOW_PROCS, ...BUILTIN_SYSTEM_PROCS, ...BUILTIN_SUPPORT_PROCS,
  ],
  operators: [...BUILTIN_COMPARISON_OPERATORS, ...BUILTIN_ARITHMETIC_OPERATORS, ...BUILTIN_OTHER_OPERATORS],
  casts: BUILTIN_CASTS,
  accessMethods: BUILTIN_ACCESS_METHODS,
  opclasses: BUILTIN_OPCLASSES,
};

import { NUMERIC_UNARY_CASES } from '../testing/fixtures/numeric-cases';
import { pgResult } from '../testing/pg-result';
import { numericAbs } from './arith';
import { numericCeil, numericFloor, numericRound, numericSign, numericTrunc } from './round';

const FNS: Record<string, (x: string, s?: number) => string> = {
  round: numericRound, trunc: numericTrunc, ceil: numericCeil, floor: numericFloor, abs: numericAbs, sign: numericSign,
};

describe('round / trunc / ceil / floor / abs / sign match PostgreSQL', () => {
  it.each(NUMERIC_UNARY_CASES)('%s(%s, %s)', (fn, x, scale, expected) => {
    const f = FNS[fn]!;
    expect(pgResult(() => (scale === null ? f(x) : f(x, scale)))).toBe(expected);
  });
});

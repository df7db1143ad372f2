// Date output in each DateStyle (PostgreSQL's EncodeDateOnly in datetime.c).
import { parseDate } from '../index';
import { formatDate } from './format';

const day = (iso: string) => parseDate(iso) as number;

describe('formatDate per DateStyle', () => {
  it.each([
    ['ISO', 'MDY', '2024-03-09'],
    ['SQL', 'MDY', '03/09/2024'],
    ['SQL', 'DMY', '09/03/2024'],
    ['Postgres', 'MDY', '03-09-2024'],
    ['Postgres', 'DMY', '09-03-2024'],
    ['German', 'MDY', '09.03.2024'],
  ] as const)('%s, %s prints %s', (style, order, expected) => {
    expect(formatDate(day('2024-03-09'), style, order)).toBe(expected);
  });

  it('keeps BC and the infinities in every style', () => {
    expect(formatDate(day('0044-03-15 BC'), 'German')).toBe('15.03.0044 BC');
    expect(formatDate(Infinity, 'SQL')).toBe('infinity');
    expect(formatDate(-Infinity, 'German')).toBe('-infinity');
  });
});

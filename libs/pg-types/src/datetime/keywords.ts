// The date/time keyword table (datetime.c's datetktbl) and the time zone abbreviations we
// recognise (a subset of PostgreSQL's 'Default' timezone_abbreviations set; offsets in seconds
// east of UTC). Abbreviations are fixed offsets, as in PostgreSQL: 'EST' is always -05.

export type LabelUnit = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'other';

export type Keyword =
  | { kind: 'month'; value: number }
  | { kind: 'dow'; value: number }
  | { kind: 'ampm'; value: 'am' | 'pm' }
  | { kind: 'adbc'; value: 'ad' | 'bc' }
  | { kind: 'special'; value: 'epoch' | 'infinity' | '-infinity' | 'now' | 'today' | 'tomorrow' | 'yesterday' }
  | { kind: 'zulu' }
  | { kind: 'julian' }
  /** ISO 8601 labels ("y2001m02d04 h10mm30s5") and other UNITS words (dow, doy, ...). */
  | { kind: 'unit'; value: LabelUnit }
  | { kind: 'isotime' }
  | { kind: 'ignore' }
  | { kind: 'dstmod' };

const MONTHS: ReadonlyArray<[string, number]> = [
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3],
  ['apr', 4], ['april', 4], ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7],
  ['aug', 8], ['august', 8], ['sep', 9], ['sept', 9], ['september', 9], ['oct', 10],
  ['october', 10], ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
];

const DAYS: ReadonlyArray<[string, number]> = [
  ['sun', 0], ['sunday', 0], ['mon', 1], ['monday', 1], ['tue', 2], ['tues', 2], ['tuesday', 2],
  ['wed', 3], ['wednesday', 3], ['weds', 3], ['thu', 4], ['thur', 4], ['thurs', 4],
  ['thursday', 4], ['fri', 5], ['friday', 5], ['sat', 6], ['saturday', 6],
];

const KEYWORDS: ReadonlyMap<string, Keyword> = new Map<string, Keyword>([
  ...MONTHS.map(([k, v]): [string, Keyword] => [k, { kind: 'month', value: v }]),
  ...DAYS.map(([k, v]): [string, Keyword] => [k, { kind: 'dow', value: v }]),
  ['am', { kind: 'ampm', value: 'am' }],
  ['pm', { kind: 'ampm', value: 'pm' }],
  ['ad', { kind: 'adbc', value: 'ad' }],
  ['bc', { kind: 'adbc', value: 'bc' }],
  ['allballs', { kind: 'zulu' }],
  ['epoch', { kind: 'special', value: 'epoch' }],
  ['infinity', { kind: 'special', value: 'infinity' }],
  ['-infinity', { kind: 'special', value: '-infinity' }],
  ['now', { kind: 'special', value: 'now' }],
  ['today', { kind: 'special', value: 'today' }],
  ['tomorrow', { kind: 'special', value: 'tomorrow' }],
  ['yesterday', { kind: 'special', value: 'yesterday' }],
  ['j', { kind: 'julian' }],
  ['jd', { kind: 'julian' }],
  ['julian', { kind: 'julian' }],
  ['t', { kind: 'isotime' }],
  ['y', { kind: 'unit', value: 'year' }],
  ['m', { kind: 'unit', value: 'month' }],
  ['d', { kind: 'unit', value: 'day' }],
  ['h', { kind: 'unit', value: 'hour' }],
  ['mm', { kind: 'unit', value: 'minute' }],
  ['s', { kind: 'unit', value: 'second' }],
  ['dow', { kind: 'unit', value: 'other' }],
  ['doy', { kind: 'unit', value: 'other' }],
  ['isodow', { kind: 'unit', value: 'other' }],
  ['isoyear', { kind: 'unit', value: 'other' }],
  ['on', { kind: 'ignore' }],
  ['at', { kind: 'ignore' }],
  ['dst', { kind: 'dstmod' }],
]);

/** Looks up a lower-cased word in the keyword table. */
export function lookupKeyword(word: string): Keyword | undefined {
  return KEYWORDS.get(word);
}

const H = 3600;
/** [offset seconds east, is daylight-saving] */
const ABBREVIATIONS: ReadonlyMap<string, readonly [number, boolean]> = new Map([
  ['utc', [0, false]], ['ut', [0, false]], ['gmt', [0, false]], ['z', [0, false]], ['zulu', [0, false]],
  ['est', [-5 * H, false]], ['edt', [-4 * H, true]], ['cst', [-6 * H, false]], ['cdt', [-5 * H, true]],
  ['mst', [-7 * H, false]], ['mdt', [-6 * H, true]], ['pst', [-8 * H, false]], ['pdt', [-7 * H, true]],
  ['akst', [-9 * H, false]], ['akdt', [-8 * H, true]], ['hst', [-10 * H, false]],
  ['ast', [-4 * H, false]], ['adt', [-3 * H, true]], ['nst', [-3.5 * H, false]], ['ndt', [-2.5 * H, true]],
  ['wet', [0, false]], ['west', [H, true]], ['bst', [H, true]], ['cet', [H, false]], ['cest', [2 * H, true]],
  ['met', [H, false]], ['mest', [2 * H, true]], ['eet', [2 * H, false]], ['eest', [3 * H, true]],
  ['msk', [3 * H, false]], ['ist', [2 * H, false]], ['jst', [9 * H, false]], ['kst', [9 * H, false]],
  ['hkt', [8 * H, false]], ['sgt', [8 * H, false]], ['awst', [8 * H, false]], ['acst', [9.5 * H, false]],
  ['acdt', [10.5 * H, true]], ['aest', [10 * H, false]], ['aedt', [11 * H, true]], ['nzst', [12 * H, false]],
  ['nzdt', [13 * H, true]],
]);

/** A time zone abbreviation's fixed offset in seconds east, or undefined. */
export function lookupZoneAbbreviation(word: string): number | undefined {
  return ABBREVIATIONS.get(word)?.[0];
}

import type { CopyParser } from './copy-record';
import { BinaryCopyParser, binaryHeader, binaryTrailer, binaryTuple } from './binary-format';
import { CsvCopyParser, quoteCsvField } from './csv-format';
import { TextCopyParser, escapeTextField, formatTextLine, unescapeTextField } from './text-format';

/** Feeds `data` split at `cut` (and also byte by byte), returns all records' fields. */
function feed<R extends { fields: unknown[] }>(make: () => CopyParser<R>, data: Buffer, cut: number): unknown[][] {
  const p = make();
  const out = [...p.push(data.subarray(0, cut)), ...p.push(data.subarray(cut)), ...p.finish()];
  return out.map((r) => r.fields);
}

function everySplit<R extends { fields: unknown[] }>(make: () => CopyParser<R>, data: Buffer): unknown[][] {
  const whole = feed(make, data, data.length);
  for (let cut = 0; cut <= data.length; cut++) expect(feed(make, data, cut)).toEqual(whole);
  const p = make();
  const bytes: R[] = [];
  for (let i = 0; i < data.length; i++) bytes.push(...p.push(data.subarray(i, i + 1)));
  bytes.push(...p.finish());
  expect(bytes.map((r) => r.fields)).toEqual(whole);
  return whole;
}

describe('COPY text format', () => {
  const text = () => new TextCopyParser({ delimiter: '\t', nullString: '\\N', header: false });

  it('splits fields, de-escapes, recognises \\N, at every chunk boundary', () => {
    const data = Buffer.from('1\ta\\tb\\\\c\\n\t\\N\n2\tünï ☃\t\\101\\x41x\n3\t\\\n\t\n\\.\nignored\n', 'utf8');
    expect(everySplit(text, data)).toEqual([
      ['1', 'a\tb\\c\n', null],
      ['2', 'ünï ☃', 'AAx'],
      ['3', '\n', ''],
    ]);
  });

  it('accepts CRLF line ends and a last line without newline', () => {
    expect(everySplit(text, Buffer.from('a\tb\r\nc\td'))).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('skips a header and honours custom delimiter and NULL', () => {
    const p = () => new TextCopyParser({ delimiter: '|', nullString: 'NULL', header: true });
    expect(everySplit(p, Buffer.from('h1|h2\nNULL|x\\|y\n'))).toEqual([[null, 'x|y']]);
  });

  it('numbers lines for error context', () => {
    const p = text();
    expect(p.push(Buffer.from('a\nb\n')).map((r) => r.line)).toEqual([1, 2]);
  });

  it('escapes output like CopyAttributeOutText', () => {
    expect(escapeTextField('a\tb\\c\nd\re', '\t')).toBe('a\\tb\\\\c\\nd\\re');
    expect(escapeTextField('x|y', '|')).toBe('x\\|y');
    expect(formatTextLine(['1', null, ''], '\t', '\\N')).toBe('1\t\\N\t\n');
    expect(unescapeTextField(Buffer.from(escapeTextField('all\b\f\v\\ of it', '\t')))).toBe('all\b\f\v\\ of it');
  });
});

describe('COPY csv format', () => {
  const csv = (header: boolean | 'match' = false) => () => new CsvCopyParser({ delimiter: ',', nullString: '', quote: '"', escape: '"', header });

  it('handles quotes, doubled quotes, quoted newlines and NULL vs "" at every boundary', () => {
    const data = Buffer.from('1,a,1.5,t\n2,"a,b",-2.25,f\n3,,0,\n4,"",,t\n5,"say ""hi""",3,f\n6,"l1\nl2",1e+30,t\r\n7,naïve ☃,-0.5,f\n', 'utf8');
    expect(everySplit(csv(), data)).toEqual([
      ['1', 'a', '1.5', 't'],
      ['2', 'a,b', '-2.25', 'f'],
      ['3', null, '0', null],
      ['4', '', null, 't'],
      ['5', 'say "hi"', '3', 'f'],
      ['6', 'l1\nl2', '1e+30', 't'],
      ['7', 'naïve ☃', '-0.5', 'f'],
    ]);
  });

  it('skips the header and stops at \\.', () => {
    expect(everySplit(csv(true), Buffer.from('id,name\n1,x\n\\.\n2,y\n'))).toEqual([['1', 'x']]);
  });

  it('supports a different escape character', () => {
    const p = () => new CsvCopyParser({ delimiter: ',', nullString: '', quote: '"', escape: '\\', header: false });
    expect(everySplit(p, Buffer.from('"a\\"b\\\\c",d\n'))).toEqual([['a"b\\c', 'd']]);
  });

  it('rejects an unterminated quoted field at the end', () => {
    const p = csv()();
    p.push(Buffer.from('1,"abc\n'));
    expect(() => p.finish()).toThrow(expect.objectContaining({ sqlstate: '22P04', message: 'unterminated CSV quoted field' }));
  });

  it('quotes output only where needed (and "" for the empty string)', () => {
    const o = { delimiter: ',', quote: '"', escape: '"', nullString: '' };
    expect(['plain', 'a,b', 'say "hi"', 'l1\nl2', ''].map((v) => quoteCsvField(v, o, false, false))).toEqual([
      'plain', '"a,b"', '"say ""hi"""', '"l1\nl2"', '""',
    ]);
    expect(quoteCsvField('x', o, true, false)).toBe('"x"');
    expect(quoteCsvField('\\.', o, false, true)).toBe('"\\."');
  });
});

describe('COPY binary format', () => {
  const int4 = (v: number) => {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    return b;
  };

  it('round-trips tuples at every chunk boundary', () => {
    const data = Buffer.concat([
      binaryHeader(),
      binaryTuple([int4(1), Buffer.from('a')]),
      binaryTuple([null, Buffer.from('')]),
      binaryTrailer(),
    ]);
    expect(data.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
    expect(everySplit(() => new BinaryCopyParser(2), data)).toEqual([
      [int4(1), Buffer.from('a')],
      [null, Buffer.alloc(0)],
    ]);
  });

  it('skips a header extension', () => {
    const header = Buffer.concat([binaryHeader().subarray(0, 15), Buffer.from([0, 0, 0, 3, 9, 9, 9])]);
    const data = Buffer.concat([header, binaryTuple([int4(5)]), binaryTrailer()]);
    expect(everySplit(() => new BinaryCopyParser(1), data)).toEqual([[int4(5)]]);
  });

  it('reports malformed input like PostgreSQL', () => {
    const bad = (data: Buffer, fields = 1) => () => {
      const p = new BinaryCopyParser(fields);
      p.push(data);
      p.finish();
    };
    expect(bad(Buffer.from('NOTCOPY\n\xff\r\n\0', 'latin1'))).toThrow(expect.objectContaining({ sqlstate: '22P04', message: 'COPY file signature not recognized' }));
    const oids = binaryHeader();
    oids.writeInt32BE(1 << 16, 11);
    expect(bad(oids)).toThrow(expect.objectContaining({ message: 'invalid COPY file header (WITH OIDS)' }));
    expect(bad(Buffer.concat([binaryHeader(), binaryTuple([int4(1), int4(2)])]))).toThrow(expect.objectContaining({ message: 'row field count is 2, expected 1' }));
    expect(bad(Buffer.concat([binaryHeader(), binaryTuple([int4(1)]).subarray(0, 5)]))).toThrow(expect.objectContaining({ message: 'unexpected EOF in COPY data' }));
    expect(bad(Buffer.concat([binaryHeader(), binaryTrailer(), Buffer.from([1])]))).toThrow(expect.objectContaining({ message: 'received copy data after EOF marker' }));
  });
});

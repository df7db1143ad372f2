// Expected values are PostgreSQL 15.18's psql output for the same expressions.
import { PgArray } from '@vecgres/pg-types';
import { callFn, callRaw, errorOf } from '../testing/function-call';
import { posixRegExp, parseFlags } from './string-regex';
import { STRING_FUNCTIONS as S, STRING_SRFS } from './string';

const call = (impl: string, args: string[], type = 'text') => callFn(S, impl, args, type);

describe('padding, trimming, splitting', () => {
  it.each([
    ['lpad', ['text:hi', 'int4:5'], '   hi'],
    ['lpad', ['text:hi', 'int4:5', 'text:xy'], 'xyxhi'],
    ['lpad', ['text:hello', 'int4:3'], 'hel'],
    ['rpad', ['text:hi', 'int4:5', 'text:xy'], 'hixyx'],
    ['lpad', ['text:hi', 'int4:-1'], ''],
    ['lpad', ['text:hi', 'int4:5', 'text:'], 'hi'],
    ['ltrim', ['text:xxhixx', 'text:x'], 'hixx'],
    ['rtrim', ['text:xxhixx', 'text:x'], 'xxhi'],
    ['btrim', ['text:xyhiyx', 'text:xy'], 'hi'],
    ['translate', ['text:12345', 'text:143', 'text:ax'], 'a2x5'],
    ['split_part', ['text:a,b,,c', 'text:,', 'int4:3'], ''],
    ['split_part', ['text:a,b,c', 'text:,', 'int4:-1'], 'c'],
    ['split_part', ['text:a,b,c', 'text:,', 'int4:5'], ''],
    ['split_part', ['text:abc', 'text:', 'int4:1'], 'abc'],
    ['split_part', ['text:abc', 'text:', 'int4:2'], ''],
    ['chr', ['int4:65'], 'A'],
    ['chr', ['int4:233'], 'é'],
    ['to_hex32', ['int4:255'], 'ff'],
    ['to_hex32', ['int4:-1'], 'ffffffff'],
    ['to_hex64', ['int8:-1'], 'ffffffffffffffff'],
    ['to_hex64', ['int8:9223372036854775807'], '7fffffffffffffff'],
    ['textoverlay', ['text:Txxxxas', 'text:hom', 'int4:2', 'int4:4'], 'Thomas'],
    ['textoverlay_no_len', ['text:Txxxxas', 'text:hom', 'int4:2'], 'Thomxas'],
  ])('%s(%j)', (impl, args, expected) => {
    expect(call(impl, args)).toBe(expected);
  });

  it.each([
    ['ascii', ['text:A'], '65'], ['ascii', ['text:'], '0'], ['ascii', ['text:é'], '233'],
    ['bpcharoctetlen', ['text:héllo     '], '11'], ['bit_length', ['text:héllo'], '48'], ['bit_length', ['bytea:ab'], '16'],
    ['byteaoctetlen', ['bytea:abc'], '3'], ['byteapos', ['bytea:abc', 'bytea:b'], '2'],
  ])('%s(%j) -> int4', (impl, args, expected) => {
    expect(call(impl, args, 'int4')).toBe(expected);
  });

  it.each([
    ['split_part', ['text:a,b', 'text:,', 'int4:0'], '22023 field position must not be zero'],
    ['chr', ['int4:0'], '54000 null character not permitted'],
    ['chr', ['int4:-1'], '22023 character number must be positive'],
    ['chr', ['int4:1114112'], '54000 requested character too large for encoding: 1114112'],
    ['chr', ['int4:55296'], '54000 requested character not valid for encoding: 55296'],
    ['bytea_substr', ['bytea:abc', 'int4:1', 'int4:-1'], '22011 negative substring length not allowed'],
  ])('%s(%j) fails', (impl, args, expected) => {
    expect(errorOf(() => call(impl, args))).toBe(expected);
  });
});

describe('quoting, concat and format', () => {
  it.each([
    ['abc', 'abc'], ['Abc', '"Abc"'], ['select', '"select"'], ['a"b', '"a""b"'], ['abc1_', 'abc1_'], ['1abc', '"1abc"'],
    ['int', '"int"'], ['name', 'name'],
  ])('quote_ident(%s)', (input, expected) => {
    expect(call('quote_ident', [`text:${input}`])).toBe(expected);
  });

  it.each([
    [['text:it\'s'], "'it''s'"], [['text:a\\b'], "E'a\\\\b'"], [['int4:42'], "'42'"], [['date:2024-01-01'], "'2024-01-01'"],
  ])('quote_literal(%j)', (args, expected) => {
    expect(call('quote_literal', args)).toBe(expected);
  });

  it('quote_nullable prints NULL for SQL NULL', () => {
    expect(call('quote_nullable', ['text:NULL'])).toBe('NULL');
    expect(call('quote_nullable', ['text:x'])).toBe("'x'");
  });

  it('concat / concat_ws print every argument with its type output and skip NULLs', () => {
    expect(call('text_concat', ['text:a', 'int4:1', 'text:NULL', 'numeric:2.50', 'bool:true', 'date:2024-01-01'])).toBe('a12.50t2024-01-01');
    expect(call('text_concat_ws', ['text:,', 'text:a', 'text:NULL', 'text:b', 'int4:1'])).toBe('a,b,1');
    expect(call('text_concat_ws', ['text:NULL', 'text:a'])).toBeNull();
    expect(call('textanycat', ['text:abc', 'int4:1'])).toBe('abc1');
    expect(call('anytextcat', ['int4:1', 'text:abc'])).toBe('1abc');
    expect(call('textanycat', ['text:x', 'date:2024-01-01'])).toBe('x2024-01-01');
  });

  it('format() handles %s %I %L, positions and widths', () => {
    expect(call('text_format', ['text:Hello %s, %I, %L, %L, %%, %2$s, %-5s|, %5s|', 'text:x', 'text:Tab"le', 'text:NULL', "text:O'Reilly", 'text:ab', 'text:cd']))
      .toBe('Hello x, "Tab""le", NULL, \'O\'\'Reilly\', %, Tab"le,      |, O\'Reilly|');
    expect(call('text_format', ['text:%s', 'text:NULL'])).toBe('');
    expect(call('text_format', ['text:%3$s %1$s', 'text:a', 'text:b', 'text:c'])).toBe('c a');
    expect(call('text_format', ['text:%*s|', 'int4:4', 'text:x'])).toBe('   x|');
    expect(call('text_format', ['text:%-*s|', 'int4:4', 'text:x'])).toBe('x   |');
    expect(call('text_format', ['text:[%s]', 'int4[]:{1,2}'])).toBe('[{1,2}]');
  });

  it.each([
    [['text:%I', 'text:NULL'], '22004 null values cannot be formatted as an SQL identifier'],
    [['text:%z', 'int4:1'], '22023 unrecognized format() type specifier "z"'],
    [['text:%s %s', 'int4:1'], '22023 too few arguments for format()'],
    [['text:%0$s', 'int4:1'], '22023 format specifies argument 0, but arguments are numbered from 1'],
  ])('format(%j) fails', (args, expected) => {
    expect(errorOf(() => call('text_format', args))).toBe(expected);
  });
});

describe('arrays of text, encode/decode, hashes, bytea', () => {
  it.each([
    ['text_to_array', ['text:a,b,,c', 'text:,'], '{a,b,"",c}'],
    ['text_to_array_null', ['text:a,b,NA', 'text:,', 'text:NA'], '{a,b,NULL}'],
    ['text_to_array', ['text:abc', 'text:NULL'], '{a,b,c}'],
    ['text_to_array', ['text:abc', 'text:'], '{abc}'],
    ['text_to_array', ['text:', 'text:,'], '{}'],
  ])('%s(%j)', (impl, args, expected) => {
    expect(call(impl, args, 'text[]')).toBe(expected);
  });

  it.each([
    ['array_to_text', ['int4[]:{1,NULL,3}', 'text:,'], '1,3'],
    ['array_to_text_null', ['int4[]:{1,NULL,3}', 'text:,', 'text:*'], '1,*,3'],
    ['array_to_text', ['int4[]:{{1,2},{3,4}}', 'text:-'], '1-2-3-4'],
    ['array_to_text', ['float8[]:{1.5,2.0}', 'text:;'], '1.5;2'],
    ['array_to_text', ['date[]:{2024-01-01}', 'text:,'], '2024-01-01'],
    ['binary_encode', ['bytea:abc\\000\\377\\\\', 'text:escape'], 'abc\\000\\377\\\\'],
    ['binary_encode', ['bytea:hello', 'text:hex'], '68656c6c6f'],
    ['binary_encode', ['bytea:hello world, this is long text that goes on and on beyond seventy six chars', 'text:base64'],
      'aGVsbG8gd29ybGQsIHRoaXMgaXMgbG9uZyB0ZXh0IHRoYXQgZ29lcyBvbiBhbmQgb24gYmV5b25k\nIHNldmVudHkgc2l4IGNoYXJz'],
    ['md5_bytea', ['bytea:abc'], '900150983cd24fb0d6963f7d28e17f72'],
  ])('%s(%j)', (impl, args, expected) => {
    expect(call(impl, args)).toBe(expected);
  });

  it.each([
    ['binary_decode', ['text:68656c6c6f', 'text:hex'], '\\x68656c6c6f'],
    ['binary_decode', ['text:aGVsbG8=', 'text:base64'], '\\x68656c6c6f'],
    ['binary_decode', ['text:a\\000b\\\\c', 'text:escape'], '\\x6100625c63'],
    ['binary_decode', ['text:68 65', 'text:hex'], '\\x6865'],
    ['sha256_bytea', ['bytea:abc'], '\\xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['bytea_substr', ['bytea:abcdef', 'int4:2', 'int4:3'], '\\x626364'],
    ['bytea_substr_no_len', ['bytea:abcdef', 'int4:0'], '\\x616263646566'],
    ['byteacat', ['bytea:ab', 'bytea:cd'], '\\x61626364'],
    ['byteatrim', ['bytea:\\x0102030201', 'bytea:\\x01'], '\\x020302'],
  ])('%s(%j) -> bytea', (impl, args, expected) => {
    expect(call(impl, args, 'bytea')).toBe(expected);
  });

  it.each([
    [['text:123', 'text:hex'], '22023 invalid hexadecimal data: odd number of digits'],
    [['text:zz', 'text:hex'], '22023 invalid hexadecimal digit: "z"'],
    [['text:a', 'text:base64'], '22023 invalid base64 end sequence'],
    [['text:!!!!', 'text:base64'], '22023 invalid symbol "!" found while decoding base64 sequence'],
    [['text:a', 'text:foo'], '22023 unrecognized encoding: "foo"'],
  ])('decode(%j) fails', (args, expected) => {
    expect(errorOf(() => call('binary_decode', args, 'bytea'))).toBe(expected);
  });
});

describe('regular expressions', () => {
  it.each([
    ['textregexsubstr', ['text:foobar', 'text:o.b'], 'oob'],
    ['textregexsubstr', ['text:foobar', 'text:o(.)b'], 'o'],
    ['textregexsubstr', ['text:foobar', 'text:z'], null],
    ['substring', ['text:foobar', 'text:#"o_b#"%', 'text:#'], null],
    ['substring', ['text:foobar', 'text:%#"o_b#"%', 'text:#'], 'oob'],
    ['substring', ['text:foobar', 'text:f%', 'text:#'], 'foobar'],
    ['textregexreplace_noopt', ['text:foobarbaz', 'text:b..', 'text:X'], 'fooXbaz'],
    ['textregexreplace', ['text:foobarbaz', 'text:b(.)(.)', 'text:[\\2\\1\\&]', 'text:g'], 'foo[rabar][zabaz]'],
    ['textregexreplace', ['text:ABC', 'text:b', 'text:x', 'text:i'], 'AxC'],
    ['textregexreplace', ['text:a.b.c', 'text:\\.', 'text:\\\\', 'text:g'], 'a\\b\\c'],
    ['textregexreplace_extended_no_n', ['text:aaa', 'text:a', 'text:b', 'int4:2'], 'aba'],
    ['textregexreplace_extended_no_flags', ['text:aaaa', 'text:a', 'text:b', 'int4:1', 'int4:3'], 'aaba'],
    ['textregexreplace_extended_no_flags', ['text:aaaa', 'text:a', 'text:b', 'int4:1', 'int4:0'], 'bbbb'],
    ['textregexreplace', ['text:a\nb', 'text:^b', 'text:X', 'text:n'], 'a\nX'],
    ['textregexreplace', ['text:a b c', 'text:b  # comment', 'text:X', 'text:x'], 'a X c'],
    ['regexp_substr_no_flags', ['text:abcabc', 'text:b.', 'int4:1', 'int4:2'], 'bc'],
    ['similar_to_escape_1', ['text:a%b_c'], '^(?:a.*b.c)$'],
    ['similar_to_escape_2', ['text:a#%b', 'text:#'], '^(?:a\\%b)$'],
  ])('%s(%j)', (impl, args, expected) => {
    expect(call(impl, args)).toBe(expected);
  });

  it.each([
    ['regexp_match_no_flags', ['text:foobarbequebaz', 'text:bar.*que'], '{barbeque}'],
    ['regexp_match_no_flags', ['text:foobarbequebaz', 'text:(bar)(beque)'], '{bar,beque}'],
    ['regexp_match_no_flags', ['text:abc', 'text:z'], null],
    ['regexp_match', ['text:ABC', 'text:b', 'text:i'], '{B}'],
    ['regexp_match_no_flags', ['text:abc', 'text:a(x)?b'], '{NULL}'],
    ['regexp_split_to_array_no_flags', ['text:hello world  foo', 'text:\\s+'], '{hello,world,foo}'],
    ['regexp_split_to_array_no_flags', ['text:hello', 'text:'], '{h,e,l,l,o}'],
    ['regexp_split_to_array_no_flags', ['text:abc', 'text:x*'], '{a,b,c}'],
    ['regexp_split_to_array_no_flags', ['text:,a,', 'text:,'], '{"",a,""}'],
    ['regexp_split_to_array', ['text:aBc', 'text:b', 'text:i'], '{a,c}'],
  ])('%s(%j)', (impl, args, expected) => {
    expect(call(impl, args, 'text[]')).toBe(expected);
  });

  it.each([
    ['regexp_count', ['text:ABCABC', 'text:b', 'int4:1', 'text:i'], '2'],
    ['regexp_count_no_start', ['text:abcabc', 'text:c'], '2'],
    ['regexp_instr_no_start', ['text:abcabc', 'text:c'], '3'],
    ['regexp_instr_no_endoption', ['text:abcabc', 'text:c', 'int4:1', 'int4:2'], '6'],
    ['regexp_instr_no_flags', ['text:abcabc', 'text:c', 'int4:1', 'int4:1', 'int4:1'], '4'],
    ['regexp_instr', ['text:abcdef', 'text:c(d)(e)', 'int4:1', 'int4:1', 'int4:0', 'text:', 'int4:2'], '5'],
  ])('%s(%j)', (impl, args, expected) => {
    expect(call(impl, args, 'int4')).toBe(expected);
  });

  it('regexp_like and the SRFs', () => {
    expect(call('regexp_like', ['text:Hello', 'text:hel', 'text:i'], 'bool')).toBe('t');
    const rows = callRaw(STRING_SRFS, 'regexp_matches', ['text:foobarbequebazilbarfbonk', 'text:(b[^b]+)(b[^b]+)', 'text:g']) as PgArray[];
    expect(rows.map((r) => r.elements)).toEqual([['bar', 'beque'], ['bazil', 'barf']]);
    const one = callRaw(STRING_SRFS, 'regexp_matches_no_flags', ['text:abc', 'text:b']) as PgArray[];
    expect(one.map((r) => r.elements)).toEqual([['b']]);
    expect(callRaw(STRING_SRFS, 'regexp_split_to_table_no_flags', ['text:a1b2c', 'text:\\d'])).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['textregexreplace_noopt', ['text:abc', 'text:(', 'text:x'], '2201B invalid regular expression: parentheses () not balanced'],
    ['regexp_match', ['text:abc', 'text:b', 'text:z'], '22023 invalid regular expression option: "z"'],
    ['regexp_match', ['text:abc', 'text:b', 'text:g'], '22023 regexp_match() does not support the "global" option'],
    ['regexp_split_to_array', ['text:abc', 'text:b', 'text:g'], '22023 regexp_split_to_array() does not support the "global" option'],
    ['regexp_count', ['text:abc', 'text:b', 'int4:1', 'text:g'], '22023 regexp_count() does not support the "global" option'],
  ])('%s(%j) fails', (impl, args, expected) => {
    expect(errorOf(() => call(impl, args))).toBe(expected);
  });

  it.each([
    ['abc', '[[:alpha:]]+', true], ['a.c', 'a\\.c', true], ['x', '\\y', true], ['hello world', '\\mworld', true],
    ['a\nb', 'a.b', true], ['a\nb', '^b', false], ['abc', '(?i)B', true], ['abc', 'b', true], ['abc', '^\\w+$', true],
    ['abc', 'a%', false],
  ])('%j ~ %j', (s, pattern, expected) => {
    expect(posixRegExp(pattern, parseFlags('')).test(s)).toBe(expected);
  });

  it('SIMILAR TO patterns match through similar_to_escape', () => {
    const similar = (s: string, p: string) => posixRegExp(call('similar_to_escape_1', [`text:${p}`])!, parseFlags('')).test(s);
    expect([similar('abc', 'a%'), similar('abc', '(a|b)%'), similar('abc', 'b%')]).toEqual([true, true, false]);
  });
});

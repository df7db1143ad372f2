// The `pidx.<oid>` container: round trip of term / range / jsonb sections (also from an
// unaligned copy), and truncated or foreign bytes fail with XX001 instead of crashing.
import { RangeIndex, TermIndex } from '@vecgres/payload-index';
import { openPayloadIndex, payloadFileOid, serializePayloadIndex } from './payload-file';

describe('payload index files', () => {
  const rows = 100;
  const terms = TermIndex.build(rows, (i) => (i % 7 === 0 ? null : [`i:${i % 5}`]));
  const range = RangeIndex.build(rows, (i) => (i % 11 === 0 ? null : i / 2));

  it('round trips keyword + range and jsonb sections, aligned or not', () => {
    const bytes = serializePayloadIndex({ terms, range, bytes: 0 });
    for (const b of [bytes, (() => { const u = new Uint8Array(bytes.length + 1); u.set(bytes, 1); return u.subarray(1); })()]) {
      const ix = openPayloadIndex(b);
      expect(ix.jsonb).toBeUndefined();
      expect(Array.from(ix.terms!.postings('i:3'))).toEqual(Array.from(terms.postings('i:3')));
      expect(ix.range!.count({ value: 10, inclusive: true }, { value: 20, inclusive: false })).toBe(range.count({ value: 10, inclusive: true }, { value: 20, inclusive: false }));
    }
    const json = openPayloadIndex(serializePayloadIndex({ terms, jsonb: 'jsonb_path_ops', bytes: 0 }));
    expect(json.jsonb).toBe('jsonb_path_ops');
    expect(json.range).toBeUndefined();
  });

  it('rejects truncated and foreign bytes with XX001', () => {
    const bytes = serializePayloadIndex({ terms, range, bytes: 0 });
    for (const bad of [bytes.subarray(0, 10), bytes.subarray(0, bytes.length - 9), new Uint8Array(64)]) {
      expect(() => openPayloadIndex(bad)).toThrow(expect.objectContaining({ code: 'XX001' }));
    }
  });

  it('names files pidx.<oid>', () => {
    expect(payloadFileOid('pidx.123')).toBe(123);
    expect(payloadFileOid('ann.123')).toBeUndefined();
  });
});

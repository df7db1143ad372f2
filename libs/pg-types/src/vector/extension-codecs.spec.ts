import { EXTENSION_CODEC_FACTORIES, codecsForExtensionTypes } from './extension-codecs';

describe('extension codec factories', () => {
  it('builds codecs keyed by the type input function for the assigned OID', () => {
    const c = EXTENSION_CODEC_FACTORIES.vector_in(16500);
    expect(c.type).toMatchObject({ oid: 16500, name: 'vector' });
    expect(EXTENSION_CODEC_FACTORIES.halfvec_in(1).type.name).toBe('halfvec');
    expect(EXTENSION_CODEC_FACTORIES.sparsevec_in(2).type.name).toBe('sparsevec');
  });

  it('adds array codecs for array types of known element types and skips unknown types', () => {
    const codecs = codecsForExtensionTypes([
      { oid: 20001, name: '_vector', input: 'array_in', elem: 20000 },
      { oid: 20000, name: 'vector', input: 'vector_in', elem: 0 },
      { oid: 20002, name: 'other', input: 'other_in', elem: 0 },
      { oid: 20003, name: '_other', input: 'array_in', elem: 20002 },
    ]);
    expect(codecs.map((c) => c.type.oid).sort()).toEqual([20000, 20001]);
    const arr = codecs.find((c) => c.type.oid === 20001)!;
    expect(arr.toText(arr.fromText('{"[1,2]","[3,4]"}'))).toBe('{"[1,2]","[3,4]"}');
    expect(arr.fromBinary(arr.toBinary(arr.fromText('{"[1,2]"}')))).toEqual(arr.fromText('{"[1,2]"}'));
  });
});

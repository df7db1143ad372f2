import { callFn } from '../testing/function-call';
import { UUID_FUNCTIONS as U, uuidCmp } from './uuid';

describe('uuid', () => {
  it('gen_random_uuid() returns distinct version-4 uuids that round-trip through uuid_in', () => {
    const a = U.gen_random_uuid!() as string;
    const b = U.gen_random_uuid!() as string;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    expect(callFn(U, 'uuid_cmp', [`uuid:${a}`, `uuid:${a.toUpperCase()}`], 'int4')).toBe('0');
  });

  it('uuid_cmp orders as the bytes do (PostgreSQL: a0eebc99-... < b0eebc99-...)', () => {
    expect(uuidCmp('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')).toBe(-1);
    expect(uuidCmp('ffffffff-0000-0000-0000-000000000000', '0fffffff-ffff-ffff-ffff-ffffffffffff')).toBe(1);
  });
});

import { createAuthProvider, isLoopback } from './auth';

describe('auth provider', () => {
  const auth = createAuthProvider({
    users: { alice: { password: 'a-pw' }, bob: { password: 'b-pw', method: 'md5' }, carol: { method: 'trust' }, dave: {} },
  });

  it('a user with a password and no method uses scram-sha-256', () => {
    expect(auth.method('alice', 'db', '10.0.0.5')).toBe('scram-sha-256');
    expect(auth.method('alice', 'db', '127.0.0.1')).toBe('scram-sha-256');
    expect(auth.password('alice')).toBe('a-pw');
  });

  it('an explicit method wins', () => {
    expect(auth.method('bob', 'db', '10.0.0.5')).toBe('md5');
    expect(auth.method('carol', 'db', '10.0.0.5')).toBe('trust');
  });

  it('unlisted users: trust on loopback, scram-sha-256 elsewhere (and no password)', () => {
    for (const addr of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '']) expect(auth.method('eve', 'db', addr)).toBe('trust');
    for (const addr of ['10.0.0.5', '::ffff:10.0.0.5', '2001:db8::1']) expect(auth.method('eve', 'db', addr)).toBe('scram-sha-256');
    expect(auth.method('dave', 'db', '10.1.1.1')).toBe('scram-sha-256');
    expect(auth.password('eve')).toBeUndefined();
    expect(auth.password('__proto__')).toBeUndefined();
  });

  it('defaultMethod applies to unlisted users everywhere', () => {
    const strict = createAuthProvider({ users: {}, defaultMethod: 'password' });
    expect(strict.method('x', 'db', '127.0.0.1')).toBe('password');
    expect(strict.method('x', 'db', '10.0.0.1')).toBe('password');
  });

  it('knows loopback addresses', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('128.0.0.1')).toBe(false);
    expect(isLoopback('::2')).toBe(false);
  });
});

import { createHash } from 'node:crypto';
import { ScramExchange, scramCredentials } from './scram';
import { saslprep } from './saslprep';
import { md5PasswordResponse, verifyMd5Response } from './md5';

// RFC 7677 section 3: SCRAM-SHA-256 exchange for user "user", password "pencil".
const RFC = {
  salt: Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'),
  serverNonce: '%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0',
  clientFirst: 'n,,n=user,r=rOprNGfwEbeRWgbNEkqO',
  serverFirst: 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096',
  clientFinal: 'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=',
  serverFinal: 'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=',
};

describe('SCRAM-SHA-256 server', () => {
  it('reproduces the RFC 7677 test vector', () => {
    const ex = new ScramExchange(scramCredentials('pencil', RFC.salt, 4096), RFC.serverNonce);
    expect(ex.clientFirst(RFC.clientFirst)).toBe(RFC.serverFirst);
    expect(ex.clientFinal(RFC.clientFinal)).toEqual({ ok: true, serverFinal: RFC.serverFinal });
  });

  it('rejects the vector with another password (ok=false)', () => {
    const ex = new ScramExchange(scramCredentials('pencil2', RFC.salt, 4096), RFC.serverNonce);
    ex.clientFirst(RFC.clientFirst);
    expect(ex.clientFinal(RFC.clientFinal).ok).toBe(false);
  });

  it('malformed messages are FATAL 08P01 "malformed SCRAM message"', () => {
    const fresh = () => new ScramExchange(scramCredentials('pencil', RFC.salt, 4096), RFC.serverNonce);
    const malformed = expect.objectContaining({ sqlstate: '08P01', severity: 'FATAL', message: 'malformed SCRAM message' });
    expect(() => fresh().clientFirst('garbage')).toThrow(malformed);
    expect(() => fresh().clientFirst('p=tls-server-end-point,,n=,r=x')).toThrow(malformed);
    expect(() => fresh().clientFirst('n,,r=abc')).toThrow(malformed);
    expect(() => fresh().clientFirst('n,a=admin,n=,r=x')).toThrow(expect.objectContaining({ sqlstate: '0A000' }));
    const ex = fresh();
    ex.clientFirst(RFC.clientFirst);
    expect(() => ex.clientFinal(RFC.clientFinal.replace('r=rOpr', 'r=XXpr'))).toThrow(expect.objectContaining({ detail: 'Nonce does not match.' }));
    expect(() => ex.clientFinal(RFC.clientFinal.replace('c=biws', 'c=eSws'))).toThrow(malformed);
    expect(() => ex.clientFinal('c=biws,r=x')).toThrow(malformed);
  });

  it("accepts the 'y' channel-binding flag (client supports it, server offered none)", () => {
    const ex = new ScramExchange(scramCredentials('pencil', RFC.salt, 4096), RFC.serverNonce);
    expect(ex.clientFirst('y,,n=user,r=abc')).toMatch(/^r=abc%hvY/);
  });
});

describe('MD5 password', () => {
  it("computes 'md5' + md5(md5(password + user) + salt)", () => {
    const salt = Buffer.from([1, 2, 3, 4]);
    const inner = createHash('md5').update('secretalice').digest('hex');
    const expected = 'md5' + createHash('md5').update(Buffer.concat([Buffer.from(inner), salt])).digest('hex');
    expect(md5PasswordResponse('alice', 'secret', salt)).toBe(expected);
    expect(verifyMd5Response(expected, 'alice', 'secret', salt)).toBe(true);
    expect(verifyMd5Response(expected, 'alice', 'secret', Buffer.from([1, 2, 3, 5]))).toBe(false);
  });
});

describe('saslprep', () => {
  it('leaves ASCII alone, maps non-ASCII spaces and soft hyphens, NFKC-normalizes', () => {
    expect(saslprep('pencil')).toBe('pencil');
    expect(saslprep('I\u00ADX')).toBe('IX');
    expect(saslprep('a\u00A0b')).toBe('a b');
    expect(saslprep('\u2168')).toBe('IX');
  });

  it('uses a password with prohibited characters as-is', () => {
    expect(saslprep('a\u0007b\u00A0')).toBe('a\u0007b\u00A0');
  });
});

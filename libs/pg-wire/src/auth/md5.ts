// MD5 password authentication: the client sends 'md5' + md5hex(md5hex(password + user) + salt),
// salt being the 4 random bytes of AuthenticationMD5Password.
// @see https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-START-UP
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

function md5hex(data: Buffer | string): string {
  return createHash('md5').update(data).digest('hex');
}

/** 4 random bytes for AuthenticationMD5Password. */
export function md5Salt(): Buffer {
  return randomBytes(4);
}

/** What a client must answer for this user, password and salt (salt: 4 bytes). */
export function md5PasswordResponse(user: string, password: string, salt: Buffer): string {
  const inner = md5hex(password + user);
  return 'md5' + md5hex(Buffer.concat([Buffer.from(inner, 'utf8'), salt]));
}

/** Constant-time comparison of a received response with the expected one. */
export function verifyMd5Response(received: string, user: string, password: string, salt: Buffer): boolean {
  return safeEqual(received, md5PasswordResponse(user, password, salt));
}

/** Constant-time string equality (lengths are not secret here). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

// A compact SASLprep (RFC 4013) for SCRAM passwords. Like PostgreSQL's pg_saslprep, a
// password that fails the profile (prohibited characters) is used as raw bytes instead of
// failing the login. Unassigned-code-point and bidi checks are left out: they only turn
// exotic passwords into "use as-is", which is what happens for them here anyway.

// RFC 3454 B.1: commonly mapped to nothing.
const MAPPED_TO_NOTHING = /[\u00AD\u034F\u1806\u180B-\u180D\u200B-\u200D\u2060\uFE00-\uFE0F\uFEFF]/g;
// RFC 3454 C.1.2: non-ASCII space characters, mapped to SPACE.
const NON_ASCII_SPACE = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g;
// RFC 3454 C.2-C.9 (the ranges that fit a BMP regexp, plus surrogates via the u flag below).
const PROHIBITED =
  /[\u0000-\u001F\u007F-\u009F\u06DD\u070F\u180E\u200C\u200D\u200E\u200F\u2028-\u202E\u2060-\u2063\u206A-\u206F\uD800-\uDFFF\uE000-\uF8FF\uFDD0-\uFDEF\uFEFF\uFFF9-\uFFFF]/;

/** The normalized password, or the input unchanged when it is not a valid SASLprep string. */
export function saslprep(password: string): string {
  // Fast path: printable ASCII is unchanged by the profile.
  if (/^[\x20-\x7E]*$/.test(password)) return password;
  const mapped = password.replace(MAPPED_TO_NOTHING, '').replace(NON_ASCII_SPACE, ' ').normalize('NFKC');
  if (PROHIBITED.test(mapped)) return password;
  return mapped;
}

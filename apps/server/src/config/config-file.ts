// Reads and checks the JSON config file (`--config` / VECGRES_CONFIG). Unknown keys and wrong
// types are errors, so a typo cannot silently leave a default in force. Relative paths in the
// file (dataDir, tls.cert, tls.key) are resolved against the file's own directory.
import { dirname, resolve } from 'node:path';
import { AUTH_METHODS, type AuthConfig, type AuthUserConfig, ConfigError } from './config-types';
import type { AuthMethod } from '@vecgres/pg-wire';

/** The file's settings, raw (validated for shape; ranges are checked by the merge). */
export interface FileConfig {
  host?: string;
  port?: number | string;
  dataDir?: string;
  logLevel?: string;
  maxConnections?: number | string;
  checkpointInterval?: number | string;
  maxWalSize?: number | string;
  tls?: { cert?: string; key?: string };
  auth?: AuthConfig;
}

const TOP_KEYS = new Set(['host', 'port', 'dataDir', 'logLevel', 'maxConnections', 'checkpointInterval', 'maxWalSize', 'tls', 'auth']);

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkKeys(obj: Json, allowed: string[], where: string, file: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) throw new ConfigError(`config file ${file}: unknown key "${where}${k}"`);
  }
}

function str(obj: Json, key: string, where: string, file: string): string | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new ConfigError(`config file ${file}: "${where}${key}" must be a string`);
  return v;
}

function method(v: unknown, where: string, file: string): AuthMethod | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !AUTH_METHODS.includes(v as AuthMethod)) {
    throw new ConfigError(`config file ${file}: "${where}" must be one of ${AUTH_METHODS.join(', ')}`);
  }
  return v as AuthMethod;
}

function parseAuth(v: unknown, file: string): AuthConfig {
  if (!isObject(v)) throw new ConfigError(`config file ${file}: "auth" must be an object`);
  checkKeys(v, ['users', 'defaultMethod'], 'auth.', file);
  const users: Record<string, AuthUserConfig> = {};
  if (v.users !== undefined) {
    if (!isObject(v.users)) throw new ConfigError(`config file ${file}: "auth.users" must be an object`);
    for (const [name, u] of Object.entries(v.users)) {
      if (!isObject(u)) throw new ConfigError(`config file ${file}: "auth.users.${name}" must be an object`);
      checkKeys(u, ['password', 'method'], `auth.users.${name}.`, file);
      const user: AuthUserConfig = {};
      const password = str(u, 'password', `auth.users.${name}.`, file);
      if (password !== undefined) user.password = password;
      const m = method(u.method, `auth.users.${name}.method`, file);
      if (m !== undefined) user.method = m;
      users[name] = user;
    }
  }
  const auth: AuthConfig = { users };
  const d = method(v.defaultMethod, 'auth.defaultMethod', file);
  if (d !== undefined) auth.defaultMethod = d;
  return auth;
}

/** Parses the file's text; `path` is used for messages and relative paths. */
export function parseConfigFile(text: string, path: string): FileConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`config file ${path}: invalid JSON (${(err as Error).message})`);
  }
  if (!isObject(raw)) throw new ConfigError(`config file ${path}: must contain a JSON object`);
  for (const k of Object.keys(raw)) if (!TOP_KEYS.has(k)) throw new ConfigError(`config file ${path}: unknown key "${k}"`);
  const base = dirname(path);
  const out: FileConfig = {};
  const host = str(raw, 'host', '', path);
  if (host !== undefined) out.host = host;
  for (const key of ['port', 'maxConnections', 'checkpointInterval', 'maxWalSize'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' && typeof v !== 'string') throw new ConfigError(`config file ${path}: "${key}" must be a number`);
    out[key] = v;
  }
  const dataDir = str(raw, 'dataDir', '', path);
  if (dataDir !== undefined) out.dataDir = resolve(base, dataDir);
  const logLevel = str(raw, 'logLevel', '', path);
  if (logLevel !== undefined) out.logLevel = logLevel;
  if (raw.tls !== undefined) {
    if (!isObject(raw.tls)) throw new ConfigError(`config file ${path}: "tls" must be an object`);
    checkKeys(raw.tls, ['cert', 'key'], 'tls.', path);
    const cert = str(raw.tls, 'cert', 'tls.', path);
    const key = str(raw.tls, 'key', 'tls.', path);
    out.tls = {};
    if (cert !== undefined) out.tls.cert = resolve(base, cert);
    if (key !== undefined) out.tls.key = resolve(base, key);
  }
  if (raw.auth !== undefined) out.auth = parseAuth(raw.auth, path);
  return out;
}

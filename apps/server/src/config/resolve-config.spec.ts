import { resolve } from 'node:path';
import { ConfigError } from './config-types';
import { resolveConfig } from './resolve-config';

const files = (map: Record<string, string>) => (p: string) => {
  if (!(p in map)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
  return map[p]!;
};

describe('resolveConfig', () => {
  it('uses the defaults', () => {
    expect(resolveConfig({}, { env: {}, cwd: '/srv' })).toEqual({
      host: '127.0.0.1', port: 5433, dataDir: '/srv/vecgres-data', logLevel: 'info', maxConnections: 100, checkpointInterval: 300, maxWalSize: 1024, auth: { users: {} },
    });
  });

  it('maxWalSize (MB) from the environment or the config file, validated', () => {
    const readFile = files({ '/etc/c.json': JSON.stringify({ maxWalSize: 256 }) });
    expect(resolveConfig({}, { env: { VECGRES_CONFIG: '/etc/c.json' }, cwd: '/w', readFile }).maxWalSize).toBe(256);
    expect(resolveConfig({}, { env: { VECGRES_MAX_WAL_SIZE: '2048' }, cwd: '/w' }).maxWalSize).toBe(2048);
    expect(() => resolveConfig({}, { env: { VECGRES_MAX_WAL_SIZE: '1GB' }, cwd: '/w' })).toThrow(/max WAL size/);
  });

  it('checkpointInterval from the environment or the config file, validated', () => {
    const readFile = files({ '/etc/c.json': JSON.stringify({ checkpointInterval: 60 }) });
    expect(resolveConfig({}, { env: { VECGRES_CONFIG: '/etc/c.json' }, cwd: '/w', readFile }).checkpointInterval).toBe(60);
    expect(resolveConfig({}, { env: { VECGRES_CHECKPOINT_INTERVAL: '0' }, cwd: '/w' }).checkpointInterval).toBe(0);
    expect(() => resolveConfig({}, { env: { VECGRES_CHECKPOINT_INTERVAL: 'soon' }, cwd: '/w' })).toThrow(/checkpoint interval/);
  });

  it('precedence: flag > env > config file > default', () => {
    const readFile = files({ '/etc/v.json': JSON.stringify({ host: '0.0.0.0', port: 7000, logLevel: 'error', maxConnections: 7, dataDir: 'd' }) });
    const env = { VECGRES_CONFIG: '/etc/v.json', VECGRES_PORT: '6000', VECGRES_LOG_LEVEL: 'debug' };
    const c = resolveConfig({ port: '5000' }, { env, cwd: '/w', readFile });
    expect(c).toMatchObject({ host: '0.0.0.0', port: 5000, logLevel: 'debug', maxConnections: 7, dataDir: '/etc/d' });
    const noFlag = resolveConfig({}, { env, cwd: '/w', readFile });
    expect(noFlag.port).toBe(6000);
    const fileOnly = resolveConfig({}, { env: { VECGRES_CONFIG: '/etc/v.json' }, cwd: '/w', readFile });
    expect(fileOnly).toMatchObject({ port: 7000, logLevel: 'error' });
    expect(resolveConfig({ config: 'v.json' }, { env: {}, cwd: '/etc', readFile }).port).toBe(7000);
  });

  it('reads auth and TLS from the file, paths relative to the file', () => {
    const readFile = files({
      '/cfg/c.json': JSON.stringify({
        tls: { cert: 'cert.pem', key: '/abs/key.pem' },
        auth: { users: { alice: { password: 'pw' }, bob: { method: 'trust' } }, defaultMethod: 'md5' },
      }),
    });
    const c = resolveConfig({ config: '/cfg/c.json' }, { env: {}, cwd: '/w', readFile });
    expect(c.tls).toEqual({ cert: '/cfg/cert.pem', key: '/abs/key.pem' });
    expect(c.auth).toEqual({ users: { alice: { password: 'pw' }, bob: { method: 'trust' } }, defaultMethod: 'md5' });
    const flags = resolveConfig({ tlsCert: 'a.pem', tlsKey: 'b.pem' }, { env: {}, cwd: '/w' });
    expect(flags.tls).toEqual({ cert: resolve('/w/a.pem'), key: resolve('/w/b.pem') });
  });

  it.each([
    [{ port: 'abc' }, {}, 'invalid port "abc" (from --port): expected an integer from 0 to 65535'],
    [{ port: '70000' }, {}, 'invalid port "70000" (from --port): expected an integer from 0 to 65535'],
    [{}, { VECGRES_PORT: '-1' }, 'invalid port "-1" (from VECGRES_PORT): expected an integer from 0 to 65535'],
    [{ maxConnections: '0' }, {}, 'invalid max connections "0" (from --max-connections): expected an integer from 1 to 100000'],
    [{ logLevel: 'loud' }, {}, 'invalid log level "loud" (from --log-level): expected one of trace, debug, info, warn, error, fatal, silent'],
    [{ tlsCert: 'x.pem' }, {}, 'TLS needs both a certificate and a key (--tls-cert and --tls-key)'],
    [{ config: '/missing.json' }, {}, 'cannot read config file /missing.json: ENOENT'],
  ])('rejects %j %j', (flags, env, message) => {
    expect(() => resolveConfig(flags, { env, cwd: '/w', readFile: files({}) })).toThrow(new ConfigError(message));
  });

  it.each([
    ['not json', 'config file /c.json: invalid JSON'],
    ['[]', 'config file /c.json: must contain a JSON object'],
    ['{"prot": 1}', 'config file /c.json: unknown key "prot"'],
    ['{"port": true}', 'config file /c.json: "port" must be a number'],
    ['{"auth": {"users": {"a": {"method": "kerberos"}}}}', 'config file /c.json: "auth.users.a.method" must be one of trust, password, md5, scram-sha-256'],
    ['{"auth": {"users": {"a": {"pass": "x"}}}}', 'config file /c.json: unknown key "auth.users.a.pass"'],
    ['{"tls": {"cert": 1}}', 'config file /c.json: "tls.cert" must be a string'],
  ])('rejects config file %s', (text, message) => {
    expect(() => resolveConfig({ config: '/c.json' }, { env: {}, readFile: files({ '/c.json': text }) })).toThrow(message);
  });
});

import type { SqlError } from '@vecgres/errors';
import { parse, type TypeName } from '@vecgres/sql';
import { Catalog } from '../lookup/catalog';
import type { CatalogNotice } from '../model/notice';
import { createCatalogState } from '../model/state';
import { createCatalogRegistry } from '../registry/registry';
import { setupParser, testContext } from '../testing/ddl-helpers';
import { formatType } from './format-type';
import { resolveTypeName } from './resolve-type';

beforeAll(setupParser);

const cat = new Catalog(createCatalogState());
const registry = createCatalogRegistry();
const ctx = testContext();

function typeName(sql: string): TypeName {
  const stmt = parse(`SELECT NULL::${sql}`)[0].stmt;
  if (stmt.kind !== 'select' || stmt.targets[0].expr.kind !== 'cast') throw new Error('no cast');
  return stmt.targets[0].expr.type;
}

function resolve(sql: string, notices: CatalogNotice[] = []) {
  const r = resolveTypeName(cat, registry, ctx, typeName(sql), notices);
  return { oid: r.oid, typmod: r.typmod, text: formatType(cat, r.oid, r.typmod) };
}

function failure(sql: string): [string, string] {
  try {
    resolve(sql);
  } catch (e) {
    return [(e as SqlError).sqlstate, (e as SqlError).message];
  }
  throw new Error(`no error for ${sql}`);
}

describe('type names and typmods', () => {
  it('applies PostgreSQL typmod rules', () => {
    expect(resolve('varchar(20)')).toEqual({ oid: 1043, typmod: 24, text: 'character varying(20)' });
    expect(resolve('char')).toEqual({ oid: 1042, typmod: 5, text: 'character(1)' });
    expect(resolve('numeric(10,2)')).toEqual({ oid: 1700, typmod: ((10 << 16) | 2) + 4, text: 'numeric(10,2)' });
    expect(resolve('numeric(5)').text).toBe('numeric(5,0)');
    expect(resolve('numeric(5,-2)').text).toBe('numeric(5,-2)');
    expect(resolve('timestamp(3)')).toEqual({ oid: 1114, typmod: 3, text: 'timestamp(3) without time zone' });
    expect(resolve('timestamptz').text).toBe('timestamp with time zone');
    expect(resolve('bit').text).toBe('bit(1)');
    expect(resolve('bit varying(4)').text).toBe('bit varying(4)');
    expect(resolve('interval day to second(2)').text).toBe('interval day to second(2)');
    expect(resolve('interval(3)').text).toBe('interval(3)');
    expect(resolve('interval')).toEqual({ oid: 1186, typmod: -1, text: 'interval' });
  });

  it('resolves arrays to the element type array, keeping the element typmod', () => {
    expect(resolve('int[]')).toEqual({ oid: 1007, typmod: -1, text: 'integer[]' });
    expect(resolve('varchar(3)[][]')).toEqual({ oid: 1015, typmod: 7, text: 'character varying(3)[]' });
    expect(resolve('pg_catalog.text[]').oid).toBe(1009);
  });

  it('raises PostgreSQL errors for bad modifiers and names', () => {
    expect(failure('varchar(0)')).toEqual(['22023', 'length for type varchar must be at least 1']);
    expect(failure('char(0)')).toEqual(['22023', 'length for type char must be at least 1']);
    expect(failure('varchar(10485761)')).toEqual(['22023', 'length for type varchar cannot exceed 10485760']);
    expect(failure('bit(0)')).toEqual(['22023', 'length for type bit must be at least 1']);
    expect(failure('numeric(1001)')).toEqual(['22023', 'NUMERIC precision 1001 must be between 1 and 1000']);
    expect(failure('numeric(5,1001)')).toEqual(['22023', 'NUMERIC scale 1001 must be between -1000 and 1000']);
    expect(failure('numeric(1,2,3)')).toEqual(['22023', 'invalid NUMERIC type modifier']);
    expect(failure('text(3)')).toEqual(['42601', 'type modifier is not allowed for type "text"']);
    expect(failure('nosuchtype')).toEqual(['42704', 'type "nosuchtype" does not exist']);
    expect(failure('s.foo')).toEqual(['3F000', 'schema "s" does not exist']);
  });

  it('warns and clamps a too-large time precision', () => {
    const notices: CatalogNotice[] = [];
    expect(resolve('timestamp(7)', notices).typmod).toBe(6);
    expect(resolve('timestamptz(9)', notices).typmod).toBe(6);
    expect(notices.map((n) => `${n.severity}: ${n.message}`)).toEqual([
      'WARNING: TIMESTAMP(7) precision reduced to maximum allowed, 6',
      'WARNING: TIMESTAMP(9) WITH TIME ZONE precision reduced to maximum allowed, 6',
    ]);
  });
});

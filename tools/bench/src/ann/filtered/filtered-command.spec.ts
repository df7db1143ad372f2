import { buildAnnCommand, DEFAULT_FILTER_EFS } from '../command';
import { runFilteredCli } from './filtered-command';
import { copyBinaryRowsWithAttrs } from '../wire/copy-binary';

describe('the ann command, --filtered', () => {
  it('parses the filtered flags with their defaults', () => {
    const cmd = buildAnnCommand();
    cmd.parseOptions(['--dataset', 'glove-100-angular-100k', '--wire', 'postgres://h/db', '--filtered', '--queries', '100']);
    expect(cmd.opts()).toMatchObject({ filtered: true, filterEf: DEFAULT_FILTER_EFS, queries: 100, wire: 'postgres://h/db', table: 'bench_ann' });
    expect(cmd.opts().fullScanThreshold).toBeUndefined();
  });

  it('parses --filter-ef lists and --full-scan-threshold', () => {
    const cmd = buildAnnCommand();
    cmd.parseOptions(['--dataset', 'x', '--filtered', '--filter-ef', '20, 64,400', '--full-scan-threshold', '10']);
    expect(cmd.opts()).toMatchObject({ filtered: true, filterEf: [20, 64, 400], fullScanThreshold: 10 });
  });

  it('rejects a non-positive --filter-ef', () => {
    const cmd = buildAnnCommand().exitOverride().configureOutput({ writeErr: () => undefined });
    expect(() => cmd.parse(['node', 'x', '--dataset', 'x', '--filtered', '--filter-ef', '40,0'], { from: 'node' })).toThrow(/positive integer/);
  });

  it('needs --wire', async () => {
    const cmd = buildAnnCommand();
    cmd.parseOptions(['--dataset', 'x', '--filtered']);
    await expect(runFilteredCli(cmd.opts(), () => undefined)).rejects.toThrow('--filtered needs --wire <url>');
  });
});

describe('COPY binary rows with attribute columns', () => {
  it('writes (id, attrs..., emb) tuples in network order', () => {
    const base = Float32Array.from([1, 2, -3, 4]);
    const b = copyBinaryRowsWithAttrs(base, 2, [Int32Array.from([7, 8]), Int32Array.from([-1, 90])], 1, 2);
    expect(b.length).toBe(2 + 8 + 16 + 4 + 4 + 8);
    expect(b.readInt16BE(0)).toBe(4);
    expect([b.readInt32BE(2), b.readInt32BE(6)]).toEqual([4, 1]);
    expect([b.readInt32BE(10), b.readInt32BE(14)]).toEqual([4, 8]);
    expect([b.readInt32BE(18), b.readInt32BE(22)]).toEqual([4, 90]);
    expect([b.readInt32BE(26), b.readInt16BE(30), b.readInt16BE(32)]).toEqual([12, 2, 0]);
    expect([b.readFloatBE(34), b.readFloatBE(38)]).toEqual([-3, 4]);
  });
});

// The scans run on the libuv threadpool: the event loop keeps turning while a large scan
// runs, the stop flag cancels it (before or during the scan), and concurrent calls are safe.
// Assertions are about ordering and results, never about durations.
import { allocTopK, loadNativeCore, NativeError, type ScanSpec } from './index';

const core = loadNativeCore();
const DIM = 768;
const ROWS = 200_000; // 614 MB of float32: far longer to scan than one turn of the event loop

/** Row r holds the value (r % 1000) / 1000 in every element, so row 0 (and every 1000th) is nearest to 0. */
function bigArena(): Float32Array {
  const arena = new Float32Array(ROWS * DIM);
  for (let r = 0; r < 1000; r++) arena.fill((r % 1000) / 1000, r * DIM, (r + 1) * DIM);
  for (let filled = 1000; filled < ROWS; filled *= 2) {
    arena.copyWithin(filled * DIM, 0, Math.min(filled, ROWS - filled) * DIM);
  }
  return arena;
}

describe('async scans on a 200k x 768 arena', () => {
  let arena: Float32Array;
  beforeAll(() => {
    arena = bigArena();
  });
  afterAll(() => {
    arena = new Float32Array(0);
  });
  const spec = (extra: Partial<ScanSpec> = {}): ScanSpec => ({
    type: 'f32',
    metric: 'l2sq',
    dim: DIM,
    queries: new Float32Array(DIM * (extra.nq ?? 1)),
    arena,
    nRows: ROWS,
    ...extra,
  });

  it('leaves the event loop free: immediates and timers run before the scan resolves', async () => {
    const events: string[] = [];
    const out = allocTopK(1, 3);
    const scan = core.scanTopK(spec(), 3, out).then(() => events.push('scan'));
    setImmediate(() => events.push('immediate'));
    setTimeout(() => events.push('timer'), 0);
    let turns = 0;
    let done = false;
    const spin = () => {
      if (done) return;
      turns++;
      setImmediate(spin);
    };
    spin();
    events.push('sync');
    await scan;
    done = true;
    expect(events[0]).toBe('sync');
    expect(events.indexOf('immediate')).toBeGreaterThan(0);
    expect(events.indexOf('immediate')).toBeLessThan(events.indexOf('scan'));
    expect(events.indexOf('timer')).toBeLessThan(events.indexOf('scan'));
    expect(turns).toBeGreaterThan(2);
    expect(Array.from(out.ids)).toEqual([0, 1000, 2000]);
    expect(Array.from(out.dists)).toEqual([0, 0, 0]);
  });

  it('rejects with CANCELLED / 57014 when the stop flag is set mid-scan, then scans again', async () => {
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const out = allocTopK(4, 10);
    const scan = core.scanTopK(spec({ nq: 4, stop }), 10, out);
    setImmediate(() => Atomics.store(stop, 0, 1));
    const error = await scan.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NativeError);
    expect(error).toMatchObject({ code: 'CANCELLED', sqlstate: '57014' });

    Atomics.store(stop, 0, 0);
    const again = allocTopK(1, 2);
    await core.scanTopK(spec({ stop, ids: Uint32Array.from([5, 199_000, 7]) }), 2, again);
    expect(Array.from(again.ids)).toEqual([199_000, 5]);
  });

  it('cancels scanDistances mid-scan too (a plain Int32Array flag set from the loop)', async () => {
    const stop = new Int32Array(1);
    const out = new Float32Array(ROWS);
    const scan = core.scanDistances(spec({ stop }), out);
    setImmediate(() => {
      stop[0] = 1;
    });
    await expect(scan).rejects.toMatchObject({ code: 'CANCELLED', sqlstate: '57014' });
  });
});

describe('stop flag and concurrency on small inputs', () => {
  const rows = Float32Array.from({ length: 64 * 8 }, (_, i) => i % 13);
  const small = (extra: Partial<ScanSpec> = {}): ScanSpec => ({
    type: 'f32',
    metric: 'l1',
    dim: 8,
    queries: Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8]),
    arena: rows,
    nRows: 64,
    ...extra,
  });

  it('rejects with CANCELLED when the flag is already set, for every call', async () => {
    const stop = Int32Array.of(1);
    await expect(core.scanDistances(small({ stop }), new Float32Array(64))).rejects.toMatchObject({ code: 'CANCELLED', sqlstate: '57014' });
    await expect(core.scanTopK(small({ stop }), 5, allocTopK(1, 5))).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('runs many calls concurrently with correct, independent results', async () => {
    const expected = new Float32Array(64);
    await core.scanDistances(small(), expected);
    const outs = Array.from({ length: 16 }, () => new Float32Array(64));
    await Promise.all(outs.map((out) => core.scanDistances(small(), out)));
    for (const out of outs) expect(out).toEqual(expected);
  });
});

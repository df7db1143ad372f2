import { allocTopK, loadNativeCore } from '@vecgres/native-bindings';
async function main() {
  const n = loadNativeCore();
  const dim = 100, rows = 10;
  const arena = new Float32Array(rows * dim).map(() => Math.random());
  const q = new Float32Array(dim).map(() => Math.random());
  const ids = Uint32Array.from({ length: rows }, (_, i) => i);
  const out = allocTopK(1, 10);
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage(); const t0 = performance.now();
    const N = 20000;
    for (let i = 0; i < N; i++) await n.scanTopK({ type: 'f32', metric: 'l2sq', dim, queries: q, arena, nRows: rows, ids }, 10, out);
    const c = process.cpuUsage(c0);
    console.log(`scanTopK async: ${((performance.now() - t0) * 1000 / N).toFixed(1)} µs wall, ${((c.user + c.system) / N).toFixed(1)} µs cpu`);
  }
  const big = new Float32Array(100000 * dim);
  for (let r = 0; r < 2; r++) {
    const c0 = process.cpuUsage(); const t0 = performance.now();
    const N = 20000;
    for (let i = 0; i < N; i++) await n.scanTopK({ type: 'f32', metric: 'l2sq', dim, queries: q, arena: big, nRows: rows, ids }, 10, out);
    const c = process.cpuUsage(c0);
    console.log(`scanTopK async big arena: ${((performance.now() - t0) * 1000 / N).toFixed(1)} µs wall, ${((c.user + c.system) / N).toFixed(1)} µs cpu`);
  }
}
main();

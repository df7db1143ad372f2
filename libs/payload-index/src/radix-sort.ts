// Stable LSD radix sort of parallel Uint32Arrays by a multi-word unsigned key. Building a range
// index sorts (key, position) pairs and a term index sorts terms by hash; at 1M rows a
// comparator sort or a binary search per row costs seconds in JS, this costs tens of ms.
//
// The key is words[0] (least significant) .. words[w-1] (most significant); every array in
// `words` and `payload` is permuted together. Stability makes ties keep their input order (the
// callers feed rows in ascending position, so equal keys end up with ascending positions).
// Passes whose digit is the same for every element are skipped (high words of small keys).

export function radixSort(words: readonly Uint32Array[], payload: readonly Uint32Array[]): void {
  const arrays = [...words, ...payload];
  const n = arrays[0]?.length ?? 0;
  if (n < 2) return;
  // 16-bit digits halve the passes; below ~4k elements the 65536-entry histogram costs more
  // than the extra passes of 8-bit digits.
  const bits = n >= 4096 ? 16 : 8;
  const radix = 1 << bits;
  const mask = radix - 1;
  let cur: Uint32Array[] = arrays;
  let tmp: Uint32Array[] = arrays.map((a) => new Uint32Array(a.length));
  const counts = new Uint32Array(radix);
  const dest = new Uint32Array(n);
  for (let w = 0; w < words.length; w++) {
    for (let shift = 0; shift < 32; shift += bits) {
      const key = cur[w]!;
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[(key[i]! >>> shift) & mask]!++;
      if (counts[(key[0]! >>> shift) & mask] === n) continue;
      let sum = 0;
      for (let d = 0; d < radix; d++) {
        const c = counts[d]!;
        counts[d] = sum;
        sum += c;
      }
      // Destination slot per element, computed once and applied to every array.
      for (let i = 0; i < n; i++) dest[i] = counts[(key[i]! >>> shift) & mask]!++;
      for (let a = 0; a < cur.length; a++) {
        const src = cur[a]!;
        const dst = tmp[a]!;
        for (let i = 0; i < n; i++) dst[dest[i]!] = src[i]!;
      }
      const t = cur;
      cur = tmp;
      tmp = t;
    }
  }
  if (cur !== arrays) for (let a = 0; a < arrays.length; a++) arrays[a]!.set(cur[a]!);
}

// Index files of sealed segments (addSegmentFiles / segmentFiles / removeSegmentFiles): what an
// ANN index (hnsw, ivfflat) persists per segment, dropped by DROP INDEX / REINDEX.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { createItems, openEngine, vec } from '../testing/engine-fixtures';
import { makeTempDir, removeTempDir } from '../testing/temp-dir';

describe('segment index files', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('lists, removes (meta first, then the file) and survives a reopen', async () => {
    const { engine } = await openEngine(dir);
    const t = await createItems(engine);
    const tx = engine.begin();
    for (let k = 1; k <= 3; k++) tx.insert(t, { k, tag: `r${k}`, emb: vec(4, k) });
    await tx.commit();
    const seg = (await engine.seal(t))!.segmentId;
    expect(engine.segmentFiles(t, seg)).toEqual([]);
    expect(engine.segmentFiles(t, 'nope')).toBeNull();
    expect(engine.segmentFiles(t + 1000, seg)).toBeNull();
    await engine.addSegmentFiles(t, seg, { 'ann.1': new Uint8Array([1]), 'ann.2': new Uint8Array([2, 2]) });
    expect(engine.segmentFiles(t, seg)?.sort()).toEqual(['ann.1', 'ann.2']);
    await engine.removeSegmentFiles(t, seg, ['ann.1', 'missing', 'rowids.u32']);
    expect(engine.segmentFiles(t, seg)).toEqual(['ann.2']);
    expect(fs.existsSync(path.join(dir, 'segments', `t${t}`, seg, 'ann.1'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'segments', `t${t}`, seg, 'rowids.u32'))).toBe(true);
    // The name can be added again (REINDEX).
    await engine.addSegmentFiles(t, seg, { 'ann.1': new Uint8Array([9, 9, 9]) });
    await engine.close();
    const { engine: again } = await openEngine(dir);
    expect(again.segmentFiles(t, seg)?.sort()).toEqual(['ann.1', 'ann.2']);
    expect(Array.from(await again.readSegmentFile(t, seg, 'ann.1'))).toEqual([9, 9, 9]);
    await again.close();
  });
});

// Issue #7 acceptance on the fashion-mnist slice (2,000 x 784, L2, labels 0-9 at ~10 % each):
// the selectivity sweep of testing/sweep-suite.ts.
import { defineSweepSuite } from './testing/sweep-suite';

defineSweepSuite({ which: 'fashionSlice', table: 'fashion_slice', hot: 3, pair: [1, 8], nq: 25 });

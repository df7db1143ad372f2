// Issue #7 on the fashion-mnist slice with payload links (hnsw WITH (payload_m = 16)): the same
// sweep as fashion-slice.spec.ts, where label filters now walk their label's linked subgraph
// (Filter Strategy "hnsw payload links": two-hop at 2 * ef_search) when HNSW is forced, and
// must keep min(k, matches) rows and the unfiltered recall at the same ef_search.
import { defineSweepSuite } from './testing/sweep-suite';

defineSweepSuite({ which: 'fashionSlice', table: 'fashion_linked', hot: 3, pair: [1, 8], nq: 25, payloadM: 16 });

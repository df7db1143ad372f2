// pgvector 0.8.x README "Reference": every function, operator and aggregate of the vector,
// halfvec, bit and sparsevec tables, plus the casts and the input errors (SQLSTATE and
// message are compared like rows).
import { step, Step } from './step';

const r = (sql: string): Step => step('Reference', sql);

export const vectorReference: Step[] = [
  r(`SELECT '[1,2,3]'::vector + '[4,5,6]', '[1,2,3]'::vector - '[4,5,6]', '[1,2,3]'::vector * '[4,5,6]', '[1,2]'::vector || '[3]'`),
  r(`SELECT '[1,2,3]'::vector <-> '[3,1,2]', '[1,2,3]'::vector <#> '[3,1,2]', '[1,2,3]'::vector <=> '[3,1,2]', '[1,2,3]'::vector <+> '[3,1,2]'`),
  r(`SELECT cosine_distance('[1,2,3]'::vector, '[3,1,2]'), inner_product('[1,2,3]'::vector, '[3,1,2]'), l1_distance('[1,2,3]'::vector, '[3,1,2]'), l2_distance('[1,2,3]'::vector, '[3,1,2]')`),
  r(`SELECT binary_quantize('[1,-2,3,0]'::vector), l2_normalize('[3,4]'::vector), subvector('[1,2,3,4,5]'::vector, 2, 3), vector_dims('[1,2,3]'::vector), vector_norm('[3,4]'::vector)`),
  r(`SELECT '[0.1,0.2,0.3]'::vector <-> '[0.4,0.5,0.6]', '[0.1,0.2,0.3]'::vector <=> '[0.4,0.5,0.6]', '[0.1,0.2,0.3]'::vector <#> '[0.4,0.5,0.6]'`),
  r(`SELECT '[1,2,3]'::vector < '[1,2,4]', '[1,2,3]'::vector = '[1,2,3]', '[1,2,3]'::vector <> '[1,2]', '[2]'::vector > '[1,9]'`),
  r(`SELECT '[0,0]'::vector <=> '[1,1]', l2_normalize('[0,0]'::vector)`),
  r(`SELECT avg(v), sum(v) FROM (VALUES ('[1,2,3]'::vector), ('[4,5,6]')) t(v)`),
  r(`SELECT '[1,2,3]'::vector(2)`),
  r(`SELECT '[1,2,3]'::vector <-> '[1,2]'`),
  r(`SELECT '[1,NaN,3]'::vector`),
  r(`SELECT '[1,2,3'::vector`),
  r(`SELECT '[]'::vector`),
  r(`SELECT '[1e39]'::vector`),
  r(`SELECT ' [ 1 , 2 , 3 ] '::vector`),
  r(`SELECT '[1.5e-7,123456789,-0.000001]'::vector`),
  r(`CREATE TABLE too_big (embedding vector(16001))`),
  r(`SELECT vector_dims(array_fill(1.0::real, ARRAY[16000])::vector)`),
];

export const halfvecReference: Step[] = [
  r(`SELECT '[1,2,3]'::halfvec + '[4,5,6]', '[1,2,3]'::halfvec - '[4,5,6]', '[1,2,3]'::halfvec * '[4,5,6]', '[1,2]'::halfvec || '[3]'`),
  r(`SELECT '[1,2,3]'::halfvec <-> '[3,1,2]', '[1,2,3]'::halfvec <#> '[3,1,2]', '[1,2,3]'::halfvec <=> '[3,1,2]', '[1,2,3]'::halfvec <+> '[3,1,2]'`),
  r(`SELECT cosine_distance('[1,2,3]'::halfvec, '[3,1,2]'), inner_product('[1,2,3]'::halfvec, '[3,1,2]'), l1_distance('[1,2,3]'::halfvec, '[3,1,2]'), l2_distance('[1,2,3]'::halfvec, '[3,1,2]')`),
  r(`SELECT binary_quantize('[1,-2,3]'::halfvec), l2_norm('[3,4]'::halfvec), l2_normalize('[3,4]'::halfvec), subvector('[1,2,3,4,5]'::halfvec, 2, 3), vector_dims('[1,2,3]'::halfvec)`),
  r(`SELECT '[0.1,0.2,65504]'::halfvec, '[1.0009765625]'::halfvec`),
  r(`SELECT '[65520]'::halfvec`),
  r(`SELECT avg(v), sum(v) FROM (VALUES ('[1,2,3]'::halfvec), ('[4,5,6]')) t(v)`),
];

export const bitReference: Step[] = [
  r(`SELECT B'101' <~> B'111', B'101' <%> B'111', hamming_distance(B'101', B'111'), jaccard_distance(B'101', B'111')`),
  r(`SELECT B'101' <~> B'11'`),
  r(`SELECT hamming_distance(B'1010', B'0101'), jaccard_distance(B'0000', B'0000')`),
];

export const sparsevecReference: Step[] = [
  r(`SELECT '{1:1,3:2}/3'::sparsevec <-> '{2:1}/3', '{1:1,3:2}/3'::sparsevec <#> '{1:3}/3', '{1:1,3:2}/3'::sparsevec <=> '{1:3,3:1}/3', '{1:1,3:2}/3'::sparsevec <+> '{2:1}/3'`),
  r(`SELECT cosine_distance('{1:1,3:2}/3'::sparsevec, '{1:3,3:1}/3'), inner_product('{1:1,3:2}/3'::sparsevec, '{1:3}/3'), l1_distance('{1:1,3:2}/3'::sparsevec, '{2:1}/3'), l2_distance('{1:1,3:2}/3'::sparsevec, '{2:1}/3')`),
  r(`SELECT l2_norm('{1:3,2:4}/2'::sparsevec), l2_normalize('{1:3,2:4}/2'::sparsevec)`),
  r(`SELECT '{1:1,1:2}/3'::sparsevec`),
  r(`SELECT '{4:1}/3'::sparsevec`),
  r(`SELECT '{1:1}/3'::sparsevec(4)`),
];

export const casts: Step[] = [
  r(`SELECT ARRAY[1,2,3]::vector, ARRAY[1.5,2,3]::real[]::vector, ARRAY[1,2,3]::double precision[]::halfvec, ARRAY[1.25,0,3]::numeric[]::sparsevec`),
  r(`SELECT '[1,2,3]'::vector::real[], '[1,2,3]'::vector::halfvec, '[1,2,3]'::halfvec::vector, '[1,0,3]'::vector::sparsevec, '{1:1,3:3}/3'::sparsevec::vector, '{1:1}/2'::sparsevec::halfvec`),
  r(`SELECT '[1,2,3]'::vector(3)::vector(3), '[1,2,3]'::vector::vector(2)`),
  r(`SELECT ARRAY[1,NULL,3]::vector`),
];

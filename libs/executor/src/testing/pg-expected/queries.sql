create table q (id int, g text, v int)
insert into q values (1, 'a', 5), (2, 'a', 9), (3, 'b', 1), (4, 'b', null), (5, null, 3), (6, 'c', 7)
select distinct on (g) g, id, v from q order by g, v desc nulls last
select distinct on (g) id from q order by g nulls first, id desc
select distinct on (1) g, v from q order by 1, 2
select distinct on (g, v > 4) g, v > 4, id from q order by g, v > 4, id
select distinct on (v > 4) id from q order by v > 4, id
select distinct on (g) g, id from q order by g, id limit 2
select distinct on (lower(g)) lower(g), sum(v) from q group by g order by lower(g), 2
select distinct on (g) g, id from q order by id
select distinct on (g, v) g, v from q order by v, id
select distinct on (g) g from q order by g desc, id
select distinct on (5) g from q
with recursive t(n) as (select 1 union all select n + 1 from t where n < 5) select * from t
with recursive t(n) as (values (1) union select n + 1 from t where n < 3) select sum(n), count(*) from t
with recursive t(n) as (select 1 union select (n + 1) % 4 from t) select n from t order by n
with recursive t(n) as (select 1 union all select (n + 1) % 4 from t) select n from t limit 7
create table tree (id int, parent int, name text)
insert into tree values (1, null, 'root'), (2, 1, 'a'), (3, 1, 'b'), (4, 2, 'a1'), (5, 4, 'a11'), (6, 3, 'b1')
with recursive sub as (select id, name, 0 as depth, name as path from tree where parent is null union all select c.id, c.name, s.depth + 1, s.path || '/' || c.name from tree c join sub s on c.parent = s.id) select * from sub order by path
with recursive anc(id, parent) as (select id, parent from tree where id = 5 union all select t.id, t.parent from tree t, anc where t.id = anc.parent) select id from anc
with recursive fib(a, b, i) as (select 0::bigint, 1::bigint, 1 union all select b, a + b, i + 1 from fib where i < 10) select a from fib order by i
with recursive t(n) as (select 1 union all select n + 1 from t where n < 3), u as (select n * 10 as m from t) select * from t join u on u.m = t.n * 10 order by n
with recursive t(n) as (select 1), u(m) as (select n from t) select * from u
with recursive t(n) as materialized (select 1 union all select n + 1 from t where n < 2) select * from t
with t as not materialized (select 1 as x) select * from t
with recursive t(n) as (select 1 union all select n + 1.5 from t where n < 3) select * from t
with recursive t(n) as (select n from t union all select 1) select * from t
with recursive t(n) as (select 1 union all select t.n from t, t t2) select * from t
with recursive t(n) as (select 1 intersect select n from t) select * from t
with recursive t(n) as (select 1 union all select n + 1 from t order by 1) select * from t
with recursive t(n) as (select 1 union all select n, n from t) select * from t
select * from generate_series(1, 10, 3)
select g, g * g from generate_series(1, 3) as g order by g desc
select * from generate_series(1, 3) with ordinality as t(v, i) where v > 1
select * from unnest(array[1, 2, 3], array['a', 'b']) as u(n, s)
select * from unnest(array['p', 'q']) with ordinality as u(v, ord)
select * from rows from (generate_series(1, 2), unnest(array['x', 'y', 'z'])) as r(a, b)
select * from rows from (generate_series(1, 2), generate_series(5, 7)) with ordinality
select * from unnest('{{1,2},{3,4}}'::int[]) u
select count(*) from unnest('{}'::int[])
select * from lower('ABC')
select * from lower('ABC') as l(x)
select * from generate_series(1, 2) as g, lateral generate_series(1, g) as h order by 1, 2
select q.id, s.n from q, generate_series(1, q.id % 3) as s(n) order by 1, 2
select q.id, x.m from q cross join lateral (select max(v) as m from q q2 where q2.g = q.g) x order by 1
select q.id, x.v from q left join lateral (select v from q q2 where q2.id = q.id + 1 and q2.v > 4) x on true order by 1
select q.id, x.c from q join lateral (select count(*) c from q q2 where q2.id < q.id) x on x.c > 2 order by 1
select q.id, x.vv from q, lateral (select q.v * 2 as vv) x where x.vv > 10 order by 1
select id, (select string_agg(t, ',') from (select u.t from q q3, lateral unnest(array[q3.g, 'z']) as u(t) where q3.id = q.id) s) from q order by 1
select * from tree natural join (select 2 as id, 'x' as extra) e
select * from q, lateral (select 1) x(y) where id < 3 order by id
select generate_series(1, 3) + 10
select unnest(array['x', 'y', null])
select generate_series(1, 3), unnest(array['a', 'b'])
select id, generate_series(1, id % 3) from q order by 1, 2
select id, unnest(array[g, 'k']) from q where id < 3 order by 1, 2
select generate_series(1, 2) as a, generate_series(1, 0) as b
select sum(v) from (select unnest(array[1, 2, 3]) as v) t
select count(*), generate_series(1, count(*)::int) from q
select distinct unnest(array[3, 1, 3]) order by 1
select g, generate_series(1, 2) from q group by g order by 1 nulls first, 2
select id from q where generate_series(1, 2) > 1
select sum(generate_series(1, 3))
select jsonb_array_elements('[1, "two", {"three": 3}, [4], null]')::text
select jsonb_object_keys('{"z": 1, "a": 2, "m": 3}')
select key, value::text from jsonb_each('{"b": [1, 2], "a": 1, "c": {"d": null}}') order by key
select * from regexp_split_to_table('a1b22c', '\d+')
select * from string_to_table('a,b,c', ',')
select k, count(*) from (select jsonb_object_keys(d) as k from (values ('{"a": 1, "b": 2}'::jsonb), ('{"a": 3}')) v(d)) s group by k order by k
create table ja (k int, av text)
create table jb (k int, bv text)
insert into ja values (1, 'a1'), (2, 'a2'), (null, 'anull')
insert into jb values (2, 'b2'), (3, 'b3'), (null, 'bnull')
select * from ja join jb using (k)
select * from ja natural join jb
select k, av, bv from ja left join jb using (k) order by av
select k, av, bv from ja right join jb using (k) order by bv
select * from ja full join jb using (k) order by av, bv
select ja.k, jb.k, k from ja full join jb using (k) order by av, bv
select * from ja natural left join jb order by av
select * from ja join jb using (k) join ja a2 using (k)
select * from q, ja join jb using (k) where q.id = 1
select ja.* from ja join jb using (k)
select * from ja join jb using (nope)
select * from ja natural join (select 1 as z) s order by av

create table t (a int, b text, c bigint, d float8, e numeric, f bool)
insert into t values (1, 'x', 10, 1.5, 2.25, true), (2, 'y', 20, -0.5, 10, false), (3, null, 30, null, null, null), (4, 'X', -5, 1e10, 0.001, true)
select * from t order by a
select a, b from t where b in ('x', 'X') order by a
select a % 3, -a, abs(c), d * 2, e * e, e / 3 from t order by a
select a from t where b like '_' order by 1
select a from t where b ilike 'x' order by 1
select upper(b), lower(b), length(b), b || '!' from t order by a
select sum(d), avg(d), sum(e), avg(e), max(e), min(d) from t
select f, count(*) from t group by f order by f
select bool_and(f), bool_or(f) from t
select count(b), count(*) from t
select a, c from t order by c desc nulls last limit 2
select a::text, c::int4, d::int4, e::int4, a::float8 / 4, '12'::int8 + 1 from t order by a
select 10 / 3, 10.0 / 3, 1::numeric / 7, 100000::numeric / 3, 2::float4 / 3
select round(2.5::numeric), round(2.567, 2), 2.5::int4, 3.5::int4, (-2.5)::int4
select a from t where a between 2 and 3 order by 1
select a from t where not (a = 1 or b is null) order by 1
select greatest(1, 5, 3), least('b', 'a'), nullif(a, 2) from t order by a
select case a when 1 then 'one' when 2 then 'two' else 'many' end from t order by a
select coalesce(b, '?') from t order by a
select distinct f from t order by 1
select a from t order by b nulls first, a
select x, count(*) from (select a % 2 as x from t) s group by x order by x
select t1.a, t2.a from t t1 join t t2 on t1.a = t2.a - 1 order by 1
select t1.a, t2.a from t t1 left join t t2 on t1.a = t2.a + 10 order by 1
select a from t except select 2 order by 1
select a from t union all select a from t order by 1 desc limit 3
select sum(a) filter (where a > 1), count(distinct f) from t
select a, (select count(*) from t t2 where t2.a < t.a) from t order by a
select a from t where exists (select 1 from t t2 where t2.c = t.c * 2) order by a
select a from t where a = any (select a from t where a > 2) order by 1
select a from t where a > all (select a from t where a < 3) order by 1
select * from generate_series(5, 1, -2)
select * from generate_series(1, 2) a, generate_series(1, 2) b order by 1, 2
with w as (select a, c from t where a > 1) select sum(c) from w
select 1 as x order by x
select 'a' || 1
select 1 || 'a'
select 3 / 0.0
select 5 / 2.0::float8
select 0.1 + 0.2, 0.1::float8 + 0.2::float8
select -2147483648::int4
select (-2147483648)::int4 / -1
select 9223372036854775807::int8 * 2
select 32767::int2 + 1::int2
select 'abc' < 'abd', 'a' < 'B', 'Z' < 'a'
select null = null, null is null, 1 is distinct from 1
select length('héllo'), substr('hello', 2, 3), position('l' in 'hello')
select replace('hello', 'l', 'L'), repeat('ab', 3), reverse('abc')
select 1 where false
select count(*) from t where false
select a from t limit 0
select a from t offset 10
select a, b from t where b = any('{x,y}') order by a
update t set b = b || b where a < 3
select b from t order by a
delete from t where f
select a from t order by a
select max(b), min(b) from t
select nope from t
select a + b from t
select a from t group by b
select count(*) from t where a = 'q'

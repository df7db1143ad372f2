create table w (id int, dept text, sal int, x float8)
insert into w values (1, 'a', 100, 1.5), (2, 'a', 200, 2.5), (3, 'a', 200, null), (4, 'b', 50, 4), (5, 'b', null, 5), (6, null, 70, 6), (7, 'c', 10, 7)
select id, row_number() over (order by id) from w order by id
select id, dept, sal, rank() over (partition by dept order by sal desc), dense_rank() over (partition by dept order by sal desc) from w order by id
select id, percent_rank() over (order by sal), cume_dist() over (order by sal) from w order by id
select id, ntile(3) over (order by id), ntile(10) over (order by id) from w order by id
select id, lag(sal) over (order by id), lead(sal, 2) over (order by id), lag(sal, 1, -1) over (order by id), lead(x, 1, 0) over (order by id) from w order by id
select id, first_value(sal) over w, last_value(sal) over w, nth_value(sal, 2) over w from w window w as (partition by dept order by id) order by id
select id, last_value(sal) over (partition by dept order by id rows between unbounded preceding and unbounded following) from w order by id
select id, dept, sum(sal) over (partition by dept), count(*) over (partition by dept), avg(sal) over (partition by dept) from w order by id
select id, sum(sal) over (order by sal), count(sal) over (order by sal), min(sal) over (order by sal desc), max(x) over () from w order by id
select id, sum(sal) over (order by id rows between 1 preceding and 1 following), sum(sal) over (order by id rows between current row and unbounded following) from w order by id
select id, sum(sal) over (order by sal groups between 1 preceding and current row) from w order by id
select id, sum(sal) over (order by sal, id rows between unbounded preceding and current row exclude current row), count(*) over (order by sal range between unbounded preceding and unbounded following exclude group), count(*) over (order by sal rows between unbounded preceding and unbounded following exclude ties) from w order by id
select id, sum(sal) filter (where sal > 60) over (order by id) from w order by id
select id, sum(x) over (order by id rows 2 preceding) from w order by id
select dept, sum(sal), rank() over (order by sum(sal) desc nulls last) from w group by dept order by 3, 1
select dept, sum(sum(sal)) over (order by dept nulls first) from w group by dept order by dept nulls first
select id, row_number() over w2 from w window w1 as (partition by dept), w2 as (w1 order by id) order by id
select id, rank() over (order by sal), row_number() over (order by id desc) from w order by row_number() over (order by id desc)
select id from w order by rank() over (order by sal desc nulls last), id limit 3
select distinct dept, count(*) over (partition by dept) from w order by 1
select id, row_number() over () > 0 from w order by id
select * from (select id, rank() over (partition by dept order by sal desc) r from w) s where r = 1 order by id
with ranked as (select id, rank() over (order by sal desc nulls last) as rank from w order by sal desc nulls last limit 4), other as (select id, rank() over (order by x) as rank from w where x > 2 order by x limit 4) select coalesce(ranked.id, other.id) as id, coalesce(1.0 / (60 + ranked.rank), 0.0) + coalesce(1.0 / (60 + other.rank), 0.0) as score from ranked full outer join other on ranked.id = other.id order by score desc, id limit 5
select id from w where row_number() over () > 1
select dept from w group by dept having rank() over () > 1
select sum(row_number() over ()) from w
select sum(row_number() over ()) over () from w
select id, rank() over w from w
select id, rank() over (w order by id) from w window w as (order by sal)
select id, rank() over (w) from w window w as (order by sal rows unbounded preceding)
select id, sum(sal) over (order by id groups 1 preceding), 1 from w window w as (partition by dept), w as (order by id)
select lower(dept) over () from w
select count(distinct sal) over () from w
select id, ntile(0) over () from w
select id, nth_value(sal, 0) over () from w
select id, sum(sal) over (rows between -1 preceding and current row) from w
select id, sum(sal) over (groups between 1 preceding and current row) from w
select id, sum(sal) over (order by id, dept range between 1 preceding and current row) from w
select id, sal, sum(sal) over (order by sal range between 50 preceding and 50 following), count(*) over (order by sal desc range between 100 preceding and current row) from w order by id
select id, x, sum(x) over (order by x range between 1.5 preceding and 0.5 following), first_value(id) over (order by x desc nulls last range 2 preceding) from w order by id
select id, sum(sal) over (order by sal::numeric range between 10.5 preceding and unbounded following exclude current row) from w order by id
select id, sum(sal) over (order by sal range between -1 preceding and current row) from w

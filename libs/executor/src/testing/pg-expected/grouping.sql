create table p (id int, grp text, val numeric(8,2), qty int)
insert into p values (1, 'a', 10.50, 3), (2, 'a', 20, null), (3, 'b', 5.25, 1), (4, null, 1, 1), (5, 'b', null, 2)
select grp, sum(val), avg(qty), count(qty), max(val) - min(val) from p group by grp order by grp nulls first
select grp, count(*) from p group by 1 having sum(qty) > 2 order by 1
select count(*) > 2 from p having count(*) > 0
select id * 2 as dbl from p order by dbl desc limit 2
select grp || ':' || id from p where grp is not null order by id
select upper(grp), count(*) from p group by upper(grp) order by 1 nulls last
select id from p where val > (select avg(val) from p) order by id
select id, grp from p p1 where qty = (select max(qty) from p p2 where p2.grp = p1.grp) order by id
select distinct grp from p where grp is not null order by grp desc
select id from p where grp not in ('a') order by id
select id from p where grp not in ('a', null) order by id
select id from p where id not in (select qty from p where qty is not null) order by id
select a.id, b.id from p a join p b on a.grp = b.grp and a.id < b.id order by 1, 2
select a.id, b.id from p a left join p b on a.grp = b.grp and a.id < b.id where b.id is null order by 1
select id, case when qty > 1 then 'many' when qty = 1 then 'one' end from p order by id
select id from p order by grp, id desc
select sum(qty * val) from p
select val::int, val::float8, qty::numeric / 3 from p order by id
select id from p where val between 5 and 20 order by id
select id from p where grp like 'a%' or grp is null order by id
select string_agg(grp, ',') from p
select max(grp), min(id), sum(id)::float8 / count(*) from p
select id, id % 2 = 0 from p order by id
values (1, 'x'), (2, 'y') union all values (3, 'z') order by 1 desc
select * from (values (1), (2)) v(n) where n > 1
select count(*) from p, p q
select 1 from p where false group by grp
select count(*) from (select distinct grp from p) s
insert into p (id) select g from generate_series(10, 12) g returning id
select count(*), count(grp) from p

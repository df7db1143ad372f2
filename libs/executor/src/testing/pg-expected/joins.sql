create table l (id int, v text)
create table r (id int, w text)
insert into l values (1, 'a'), (2, 'b'), (3, 'c'), (null, 'n')
insert into r values (2, 'x'), (3, 'y'), (3, 'y2'), (4, 'z'), (null, 'rn')
select l.id, l.v, r.id, r.w from l join r on l.id = r.id order by 1, 4
select l.id, l.v, r.id, r.w from l left join r on l.id = r.id order by 2, 4
select l.id, l.v, r.id, r.w from l right join r on l.id = r.id order by 4, 2
select l.v, r.w from l full join r on l.id = r.id order by 1 nulls first, 2 nulls first
select l.v, r.w from l full join r on l.id < r.id and r.id = 4 order by 1 nulls first, 2 nulls first
select l.v, r.w from l right join r on l.id = r.id where l.v is null order by 2
select l.v, r.w from l left join r on l.id = r.id and r.w <> 'y' order by 1, 2
select l.v, r.w from l cross join r where l.id = 1 order by 2
select l.v, r.w from l join r using (id) order by 1, 2
select count(*) from l join r on true
select l.v from l where l.id in (select id from r) order by 1
select l.v from l where l.id not in (select id from r where id is not null) order by 1
select l.v from l where not exists (select 1 from r where r.id = l.id) order by 1
select l.v, (select max(w) from r where r.id = l.id) from l order by 1
select x.v, y.w from (select * from l where id > 1) x join (select * from r where id < 4) y on x.id = y.id order by 1, 2
select l.v, r.w from l left join r on l.id = r.id where r.w is null order by 1
select l1.v, l2.v from l l1 join l l2 on l1.id + 1 = l2.id order by 1

// Recorded from PostgreSQL 15.18 (Debian) with psql: relation OID, relkind and columns
// ([attname, atttypid, atttypmod], domains as their base type) of every relation vecgres serves
// as a virtual table. The spec compares the registry against it; do not edit by hand.
export interface RecordedRelation { schema: string; name: string; oid: number; kind: string; columns: Array<[string, number, number]> }

export const PG15_RELATIONS: readonly RecordedRelation[] = [
  { schema: 'pg_catalog', name: 'pg_am', oid: 2601, kind: 'r', columns: [
    ['oid', 26, -1], ['amname', 19, -1], ['amhandler', 24, -1], ['amtype', 18, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_attrdef', oid: 2604, kind: 'r', columns: [
    ['oid', 26, -1], ['adrelid', 26, -1], ['adnum', 21, -1], ['adbin', 194, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_attribute', oid: 1249, kind: 'r', columns: [
    ['attrelid', 26, -1], ['attname', 19, -1], ['atttypid', 26, -1], ['attstattarget', 23, -1], ['attlen', 21, -1],
    ['attnum', 21, -1], ['attndims', 23, -1], ['attcacheoff', 23, -1], ['atttypmod', 23, -1], ['attbyval', 16, -1],
    ['attalign', 18, -1], ['attstorage', 18, -1], ['attcompression', 18, -1], ['attnotnull', 16, -1], ['atthasdef', 16, -1],
    ['atthasmissing', 16, -1], ['attidentity', 18, -1], ['attgenerated', 18, -1], ['attisdropped', 16, -1], ['attislocal', 16, -1],
    ['attinhcount', 23, -1], ['attcollation', 26, -1], ['attacl', 1034, -1], ['attoptions', 1009, -1], ['attfdwoptions', 1009, -1],
    ['attmissingval', 2277, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_authid', oid: 1260, kind: 'r', columns: [
    ['oid', 26, -1], ['rolname', 19, -1], ['rolsuper', 16, -1], ['rolinherit', 16, -1], ['rolcreaterole', 16, -1],
    ['rolcreatedb', 16, -1], ['rolcanlogin', 16, -1], ['rolreplication', 16, -1], ['rolbypassrls', 16, -1], ['rolconnlimit', 23, -1],
    ['rolpassword', 25, -1], ['rolvaliduntil', 1184, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_available_extensions', oid: 12081, kind: 'v', columns: [
    ['name', 19, -1], ['default_version', 25, -1], ['installed_version', 25, -1], ['comment', 25, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_cast', oid: 2605, kind: 'r', columns: [
    ['oid', 26, -1], ['castsource', 26, -1], ['casttarget', 26, -1], ['castfunc', 26, -1], ['castcontext', 18, -1],
    ['castmethod', 18, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_class', oid: 1259, kind: 'r', columns: [
    ['oid', 26, -1], ['relname', 19, -1], ['relnamespace', 26, -1], ['reltype', 26, -1], ['reloftype', 26, -1],
    ['relowner', 26, -1], ['relam', 26, -1], ['relfilenode', 26, -1], ['reltablespace', 26, -1], ['relpages', 23, -1],
    ['reltuples', 700, -1], ['relallvisible', 23, -1], ['reltoastrelid', 26, -1], ['relhasindex', 16, -1], ['relisshared', 16, -1],
    ['relpersistence', 18, -1], ['relkind', 18, -1], ['relnatts', 21, -1], ['relchecks', 21, -1], ['relhasrules', 16, -1],
    ['relhastriggers', 16, -1], ['relhassubclass', 16, -1], ['relrowsecurity', 16, -1], ['relforcerowsecurity', 16, -1], ['relispopulated', 16, -1],
    ['relreplident', 18, -1], ['relispartition', 16, -1], ['relrewrite', 26, -1], ['relfrozenxid', 28, -1], ['relminmxid', 28, -1],
    ['relacl', 1034, -1], ['reloptions', 1009, -1], ['relpartbound', 194, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_collation', oid: 3456, kind: 'r', columns: [
    ['oid', 26, -1], ['collname', 19, -1], ['collnamespace', 26, -1], ['collowner', 26, -1], ['collprovider', 18, -1],
    ['collisdeterministic', 16, -1], ['collencoding', 23, -1], ['collcollate', 25, -1], ['collctype', 25, -1], ['colliculocale', 25, -1],
    ['collversion', 25, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_constraint', oid: 2606, kind: 'r', columns: [
    ['oid', 26, -1], ['conname', 19, -1], ['connamespace', 26, -1], ['contype', 18, -1], ['condeferrable', 16, -1],
    ['condeferred', 16, -1], ['convalidated', 16, -1], ['conrelid', 26, -1], ['contypid', 26, -1], ['conindid', 26, -1],
    ['conparentid', 26, -1], ['confrelid', 26, -1], ['confupdtype', 18, -1], ['confdeltype', 18, -1], ['confmatchtype', 18, -1],
    ['conislocal', 16, -1], ['coninhcount', 23, -1], ['connoinherit', 16, -1], ['conkey', 1005, -1], ['confkey', 1005, -1],
    ['conpfeqop', 1028, -1], ['conppeqop', 1028, -1], ['conffeqop', 1028, -1], ['confdelsetcols', 1005, -1], ['conexclop', 1028, -1],
    ['conbin', 194, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_database', oid: 1262, kind: 'r', columns: [
    ['oid', 26, -1], ['datname', 19, -1], ['datdba', 26, -1], ['encoding', 23, -1], ['datlocprovider', 18, -1],
    ['datistemplate', 16, -1], ['datallowconn', 16, -1], ['datconnlimit', 23, -1], ['datfrozenxid', 28, -1], ['datminmxid', 28, -1],
    ['dattablespace', 26, -1], ['datcollate', 25, -1], ['datctype', 25, -1], ['daticulocale', 25, -1], ['datcollversion', 25, -1],
    ['datacl', 1034, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_depend', oid: 2608, kind: 'r', columns: [
    ['classid', 26, -1], ['objid', 26, -1], ['objsubid', 23, -1], ['refclassid', 26, -1], ['refobjid', 26, -1],
    ['refobjsubid', 23, -1], ['deptype', 18, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_description', oid: 2609, kind: 'r', columns: [
    ['objoid', 26, -1], ['classoid', 26, -1], ['objsubid', 23, -1], ['description', 25, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_enum', oid: 3501, kind: 'r', columns: [
    ['oid', 26, -1], ['enumtypid', 26, -1], ['enumsortorder', 700, -1], ['enumlabel', 19, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_extension', oid: 3079, kind: 'r', columns: [
    ['oid', 26, -1], ['extname', 19, -1], ['extowner', 26, -1], ['extnamespace', 26, -1], ['extrelocatable', 16, -1],
    ['extversion', 25, -1], ['extconfig', 1028, -1], ['extcondition', 1009, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_foreign_table', oid: 3118, kind: 'r', columns: [
    ['ftrelid', 26, -1], ['ftserver', 26, -1], ['ftoptions', 1009, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_index', oid: 2610, kind: 'r', columns: [
    ['indexrelid', 26, -1], ['indrelid', 26, -1], ['indnatts', 21, -1], ['indnkeyatts', 21, -1], ['indisunique', 16, -1],
    ['indnullsnotdistinct', 16, -1], ['indisprimary', 16, -1], ['indisexclusion', 16, -1], ['indimmediate', 16, -1], ['indisclustered', 16, -1],
    ['indisvalid', 16, -1], ['indcheckxmin', 16, -1], ['indisready', 16, -1], ['indislive', 16, -1], ['indisreplident', 16, -1],
    ['indkey', 22, -1], ['indcollation', 30, -1], ['indclass', 30, -1], ['indoption', 22, -1], ['indexprs', 194, -1],
    ['indpred', 194, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_indexes', oid: 12043, kind: 'v', columns: [
    ['schemaname', 19, -1], ['tablename', 19, -1], ['indexname', 19, -1], ['tablespace', 19, -1], ['indexdef', 25, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_inherits', oid: 2611, kind: 'r', columns: [
    ['inhrelid', 26, -1], ['inhparent', 26, -1], ['inhseqno', 23, -1], ['inhdetachpending', 16, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_matviews', oid: 12038, kind: 'v', columns: [
    ['schemaname', 19, -1], ['matviewname', 19, -1], ['matviewowner', 19, -1], ['tablespace', 19, -1], ['hasindexes', 16, -1],
    ['ispopulated', 16, -1], ['definition', 25, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_namespace', oid: 2615, kind: 'r', columns: [
    ['oid', 26, -1], ['nspname', 19, -1], ['nspowner', 26, -1], ['nspacl', 1034, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_opclass', oid: 2616, kind: 'r', columns: [
    ['oid', 26, -1], ['opcmethod', 26, -1], ['opcname', 19, -1], ['opcnamespace', 26, -1], ['opcowner', 26, -1],
    ['opcfamily', 26, -1], ['opcintype', 26, -1], ['opcdefault', 16, -1], ['opckeytype', 26, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_operator', oid: 2617, kind: 'r', columns: [
    ['oid', 26, -1], ['oprname', 19, -1], ['oprnamespace', 26, -1], ['oprowner', 26, -1], ['oprkind', 18, -1],
    ['oprcanmerge', 16, -1], ['oprcanhash', 16, -1], ['oprleft', 26, -1], ['oprright', 26, -1], ['oprresult', 26, -1],
    ['oprcom', 26, -1], ['oprnegate', 26, -1], ['oprcode', 24, -1], ['oprrest', 24, -1], ['oprjoin', 24, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_partitioned_table', oid: 3350, kind: 'r', columns: [
    ['partrelid', 26, -1], ['partstrat', 18, -1], ['partnatts', 21, -1], ['partdefid', 26, -1], ['partattrs', 22, -1],
    ['partclass', 30, -1], ['partcollation', 30, -1], ['partexprs', 194, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_policy', oid: 3256, kind: 'r', columns: [
    ['oid', 26, -1], ['polname', 19, -1], ['polrelid', 26, -1], ['polcmd', 18, -1], ['polpermissive', 16, -1],
    ['polroles', 1028, -1], ['polqual', 194, -1], ['polwithcheck', 194, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_proc', oid: 1255, kind: 'r', columns: [
    ['oid', 26, -1], ['proname', 19, -1], ['pronamespace', 26, -1], ['proowner', 26, -1], ['prolang', 26, -1],
    ['procost', 700, -1], ['prorows', 700, -1], ['provariadic', 26, -1], ['prosupport', 24, -1], ['prokind', 18, -1],
    ['prosecdef', 16, -1], ['proleakproof', 16, -1], ['proisstrict', 16, -1], ['proretset', 16, -1], ['provolatile', 18, -1],
    ['proparallel', 18, -1], ['pronargs', 21, -1], ['pronargdefaults', 21, -1], ['prorettype', 26, -1], ['proargtypes', 30, -1],
    ['proallargtypes', 1028, -1], ['proargmodes', 1002, -1], ['proargnames', 1009, -1], ['proargdefaults', 194, -1], ['protrftypes', 1028, -1],
    ['prosrc', 25, -1], ['probin', 25, -1], ['prosqlbody', 194, -1], ['proconfig', 1009, -1], ['proacl', 1034, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_publication', oid: 6104, kind: 'r', columns: [
    ['oid', 26, -1], ['pubname', 19, -1], ['pubowner', 26, -1], ['puballtables', 16, -1], ['pubinsert', 16, -1],
    ['pubupdate', 16, -1], ['pubdelete', 16, -1], ['pubtruncate', 16, -1], ['pubviaroot', 16, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_publication_namespace', oid: 6237, kind: 'r', columns: [
    ['oid', 26, -1], ['pnpubid', 26, -1], ['pnnspid', 26, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_publication_rel', oid: 6106, kind: 'r', columns: [
    ['oid', 26, -1], ['prpubid', 26, -1], ['prrelid', 26, -1], ['prqual', 194, -1], ['prattrs', 22, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_range', oid: 3541, kind: 'r', columns: [
    ['rngtypid', 26, -1], ['rngsubtype', 26, -1], ['rngmultitypid', 26, -1], ['rngcollation', 26, -1], ['rngsubopc', 26, -1],
    ['rngcanonical', 24, -1], ['rngsubdiff', 24, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_rewrite', oid: 2618, kind: 'r', columns: [
    ['oid', 26, -1], ['rulename', 19, -1], ['ev_class', 26, -1], ['ev_type', 18, -1], ['ev_enabled', 18, -1],
    ['is_instead', 16, -1], ['ev_qual', 194, -1], ['ev_action', 194, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_roles', oid: 12000, kind: 'v', columns: [
    ['rolname', 19, -1], ['rolsuper', 16, -1], ['rolinherit', 16, -1], ['rolcreaterole', 16, -1], ['rolcreatedb', 16, -1],
    ['rolcanlogin', 16, -1], ['rolreplication', 16, -1], ['rolconnlimit', 23, -1], ['rolpassword', 25, -1], ['rolvaliduntil', 1184, -1],
    ['rolbypassrls', 16, -1], ['rolconfig', 1009, -1], ['oid', 26, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_sequence', oid: 2224, kind: 'r', columns: [
    ['seqrelid', 26, -1], ['seqtypid', 26, -1], ['seqstart', 20, -1], ['seqincrement', 20, -1], ['seqmax', 20, -1],
    ['seqmin', 20, -1], ['seqcache', 20, -1], ['seqcycle', 16, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_sequences', oid: 12048, kind: 'v', columns: [
    ['schemaname', 19, -1], ['sequencename', 19, -1], ['sequenceowner', 19, -1], ['data_type', 2206, -1], ['start_value', 20, -1],
    ['min_value', 20, -1], ['max_value', 20, -1], ['increment_by', 20, -1], ['cycle', 16, -1], ['cache_size', 20, -1],
    ['last_value', 20, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_settings', oid: 12104, kind: 'v', columns: [
    ['name', 25, -1], ['setting', 25, -1], ['unit', 25, -1], ['category', 25, -1], ['short_desc', 25, -1],
    ['extra_desc', 25, -1], ['context', 25, -1], ['vartype', 25, -1], ['source', 25, -1], ['min_val', 25, -1],
    ['max_val', 25, -1], ['enumvals', 1009, -1], ['boot_val', 25, -1], ['reset_val', 25, -1], ['sourcefile', 25, -1],
    ['sourceline', 23, -1], ['pending_restart', 16, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_shdescription', oid: 2396, kind: 'r', columns: [
    ['objoid', 26, -1], ['classoid', 26, -1], ['description', 25, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_stat_activity', oid: 12222, kind: 'v', columns: [
    ['datid', 26, -1], ['datname', 19, -1], ['pid', 23, -1], ['leader_pid', 23, -1], ['usesysid', 26, -1],
    ['usename', 19, -1], ['application_name', 25, -1], ['client_addr', 869, -1], ['client_hostname', 25, -1], ['client_port', 23, -1],
    ['backend_start', 1184, -1], ['xact_start', 1184, -1], ['query_start', 1184, -1], ['state_change', 1184, -1], ['wait_event_type', 25, -1],
    ['wait_event', 25, -1], ['state', 25, -1], ['backend_xid', 28, -1], ['backend_xmin', 28, -1], ['query_id', 20, -1],
    ['query', 25, -1], ['backend_type', 25, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_stat_progress_create_index', oid: 12312, kind: 'v', columns: [
    ['pid', 23, -1], ['datid', 26, -1], ['datname', 19, -1], ['relid', 26, -1], ['index_relid', 26, -1],
    ['command', 25, -1], ['phase', 25, -1], ['lockers_total', 20, -1], ['lockers_done', 20, -1],
    ['current_locker_pid', 20, -1], ['blocks_total', 20, -1], ['blocks_done', 20, -1], ['tuples_total', 20, -1],
    ['tuples_done', 20, -1], ['partitions_total', 20, -1], ['partitions_done', 20, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_statistic_ext', oid: 3381, kind: 'r', columns: [
    ['oid', 26, -1], ['stxrelid', 26, -1], ['stxname', 19, -1], ['stxnamespace', 26, -1], ['stxowner', 26, -1],
    ['stxstattarget', 23, -1], ['stxkeys', 22, -1], ['stxkind', 1002, -1], ['stxexprs', 194, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_tables', oid: 12033, kind: 'v', columns: [
    ['schemaname', 19, -1], ['tablename', 19, -1], ['tableowner', 19, -1], ['tablespace', 19, -1], ['hasindexes', 16, -1],
    ['hasrules', 16, -1], ['hastriggers', 16, -1], ['rowsecurity', 16, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_tablespace', oid: 1213, kind: 'r', columns: [
    ['oid', 26, -1], ['spcname', 19, -1], ['spcowner', 26, -1], ['spcacl', 1034, -1], ['spcoptions', 1009, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_trigger', oid: 2620, kind: 'r', columns: [
    ['oid', 26, -1], ['tgrelid', 26, -1], ['tgparentid', 26, -1], ['tgname', 19, -1], ['tgfoid', 26, -1],
    ['tgtype', 21, -1], ['tgenabled', 18, -1], ['tgisinternal', 16, -1], ['tgconstrrelid', 26, -1], ['tgconstrindid', 26, -1],
    ['tgconstraint', 26, -1], ['tgdeferrable', 16, -1], ['tginitdeferred', 16, -1], ['tgnargs', 21, -1], ['tgattr', 22, -1],
    ['tgargs', 17, -1], ['tgqual', 194, -1], ['tgoldtable', 19, -1], ['tgnewtable', 19, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_type', oid: 1247, kind: 'r', columns: [
    ['oid', 26, -1], ['typname', 19, -1], ['typnamespace', 26, -1], ['typowner', 26, -1], ['typlen', 21, -1],
    ['typbyval', 16, -1], ['typtype', 18, -1], ['typcategory', 18, -1], ['typispreferred', 16, -1], ['typisdefined', 16, -1],
    ['typdelim', 18, -1], ['typrelid', 26, -1], ['typsubscript', 24, -1], ['typelem', 26, -1], ['typarray', 26, -1],
    ['typinput', 24, -1], ['typoutput', 24, -1], ['typreceive', 24, -1], ['typsend', 24, -1], ['typmodin', 24, -1],
    ['typmodout', 24, -1], ['typanalyze', 24, -1], ['typalign', 18, -1], ['typstorage', 18, -1], ['typnotnull', 16, -1],
    ['typbasetype', 26, -1], ['typtypmod', 23, -1], ['typndims', 23, -1], ['typcollation', 26, -1], ['typdefaultbin', 194, -1],
    ['typdefault', 25, -1], ['typacl', 1034, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_user', oid: 12014, kind: 'v', columns: [
    ['usename', 19, -1], ['usesysid', 26, -1], ['usecreatedb', 16, -1], ['usesuper', 16, -1], ['userepl', 16, -1],
    ['usebypassrls', 16, -1], ['passwd', 25, -1], ['valuntil', 1184, -1], ['useconfig', 1009, -1],
  ] },
  { schema: 'pg_catalog', name: 'pg_views', oid: 12028, kind: 'v', columns: [
    ['schemaname', 19, -1], ['viewname', 19, -1], ['viewowner', 19, -1], ['definition', 25, -1],
  ] },
  { schema: 'information_schema', name: 'check_constraints', oid: 13260, kind: 'v', columns: [
    ['constraint_catalog', 19, -1], ['constraint_schema', 19, -1], ['constraint_name', 19, -1], ['check_clause', 1043, -1],
  ] },
  { schema: 'information_schema', name: 'columns', oid: 13295, kind: 'v', columns: [
    ['table_catalog', 19, -1], ['table_schema', 19, -1], ['table_name', 19, -1], ['column_name', 19, -1], ['ordinal_position', 23, -1],
    ['column_default', 1043, -1], ['is_nullable', 1043, 7], ['data_type', 1043, -1], ['character_maximum_length', 23, -1], ['character_octet_length', 23, -1],
    ['numeric_precision', 23, -1], ['numeric_precision_radix', 23, -1], ['numeric_scale', 23, -1], ['datetime_precision', 23, -1], ['interval_type', 1043, -1],
    ['interval_precision', 23, -1], ['character_set_catalog', 19, -1], ['character_set_schema', 19, -1], ['character_set_name', 19, -1], ['collation_catalog', 19, -1],
    ['collation_schema', 19, -1], ['collation_name', 19, -1], ['domain_catalog', 19, -1], ['domain_schema', 19, -1], ['domain_name', 19, -1],
    ['udt_catalog', 19, -1], ['udt_schema', 19, -1], ['udt_name', 19, -1], ['scope_catalog', 19, -1], ['scope_schema', 19, -1],
    ['scope_name', 19, -1], ['maximum_cardinality', 23, -1], ['dtd_identifier', 19, -1], ['is_self_referencing', 1043, 7], ['is_identity', 1043, 7],
    ['identity_generation', 1043, -1], ['identity_start', 1043, -1], ['identity_increment', 1043, -1], ['identity_maximum', 1043, -1], ['identity_minimum', 1043, -1],
    ['identity_cycle', 1043, 7], ['is_generated', 1043, -1], ['generation_expression', 1043, -1], ['is_updatable', 1043, 7],
  ] },
  { schema: 'information_schema', name: 'key_column_usage', oid: 13329, kind: 'v', columns: [
    ['constraint_catalog', 19, -1], ['constraint_schema', 19, -1], ['constraint_name', 19, -1], ['table_catalog', 19, -1], ['table_schema', 19, -1],
    ['table_name', 19, -1], ['column_name', 19, -1], ['ordinal_position', 23, -1], ['position_in_unique_constraint', 23, -1],
  ] },
  { schema: 'information_schema', name: 'referential_constraints', oid: 13339, kind: 'v', columns: [
    ['constraint_catalog', 19, -1], ['constraint_schema', 19, -1], ['constraint_name', 19, -1], ['unique_constraint_catalog', 19, -1], ['unique_constraint_schema', 19, -1],
    ['unique_constraint_name', 19, -1], ['match_option', 1043, -1], ['update_rule', 1043, -1], ['delete_rule', 1043, -1],
  ] },
  { schema: 'information_schema', name: 'schemata', oid: 13382, kind: 'v', columns: [
    ['catalog_name', 19, -1], ['schema_name', 19, -1], ['schema_owner', 19, -1], ['default_character_set_catalog', 19, -1], ['default_character_set_schema', 19, -1],
    ['default_character_set_name', 19, -1], ['sql_path', 1043, -1],
  ] },
  { schema: 'information_schema', name: 'sequences', oid: 13386, kind: 'v', columns: [
    ['sequence_catalog', 19, -1], ['sequence_schema', 19, -1], ['sequence_name', 19, -1], ['data_type', 1043, -1], ['numeric_precision', 23, -1],
    ['numeric_precision_radix', 23, -1], ['numeric_scale', 23, -1], ['start_value', 1043, -1], ['minimum_value', 1043, -1], ['maximum_value', 1043, -1],
    ['increment', 1043, -1], ['cycle_option', 1043, 7],
  ] },
  { schema: 'information_schema', name: 'table_constraints', oid: 13411, kind: 'v', columns: [
    ['constraint_catalog', 19, -1], ['constraint_schema', 19, -1], ['constraint_name', 19, -1], ['table_catalog', 19, -1], ['table_schema', 19, -1],
    ['table_name', 19, -1], ['constraint_type', 1043, -1], ['is_deferrable', 1043, 7], ['initially_deferred', 1043, 7], ['enforced', 1043, 7],
    ['nulls_distinct', 1043, 7],
  ] },
  { schema: 'information_schema', name: 'tables', oid: 13425, kind: 'v', columns: [
    ['table_catalog', 19, -1], ['table_schema', 19, -1], ['table_name', 19, -1], ['table_type', 1043, -1], ['self_referencing_column_name', 19, -1],
    ['reference_generation', 1043, -1], ['user_defined_type_catalog', 19, -1], ['user_defined_type_schema', 19, -1], ['user_defined_type_name', 19, -1], ['is_insertable_into', 1043, 7],
    ['is_typed', 1043, 7], ['commit_action', 1043, -1],
  ] },
  { schema: 'information_schema', name: 'views', oid: 13483, kind: 'v', columns: [
    ['table_catalog', 19, -1], ['table_schema', 19, -1], ['table_name', 19, -1], ['view_definition', 1043, -1], ['check_option', 1043, -1],
    ['is_updatable', 1043, 7], ['is_insertable_into', 1043, 7], ['is_trigger_updatable', 1043, 7], ['is_trigger_deletable', 1043, 7], ['is_trigger_insertable_into', 1043, 7],
  ] },
];

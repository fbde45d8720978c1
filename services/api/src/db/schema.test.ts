import fs from 'node:fs';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { withClient } from './cluster.js';
import { renderTableTypes } from './table-types.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db.owner)).rows;

/** What is wrong with the tenant-owned tables of the test database, in words. */
async function tenantTableProblems(): Promise<{ tables: string[]; problems: string[] }> {
  const tenantTables = await rows<{
    table: string;
    rls: boolean;
    forced: boolean;
    policies: number;
    pk: string[] | null;
  }>(sql`
      select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
             (select array_agg(a.attname::text order by k.ord)
                from pg_constraint pk
                cross join unnest(pk.conkey) with ordinality as k(attnum, ord)
                join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
               where pk.conrelid = c.oid and pk.contype = 'p') as pk
        from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
         and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)`);
  const problems: string[] = [];
  for (const t of tenantTables) {
    if (t.pk?.join(',') !== 'tenant_id,id')
      problems.push(`${t.table}: primary key is (${t.pk}), not (tenant_id, id)`);
    if (!t.rls || !t.forced) problems.push(`${t.table}: row-level security is not enabled and forced`);
    if (t.policies === 0) problems.push(`${t.table}: no row-level security policy`);
  }

  // A foreign key from a tenant table to another tenant table must carry tenant_id, so a row can
  // never point into another tenant. (References to shared tables such as tenant are fine.)
  const tenantTableNames = new Set(tenantTables.map((t) => t.table));
  const fks = await rows<{ table: string; target: string; name: string; columns: string[] }>(sql`
      select c.conrelid::regclass::text as table, c.confrelid::regclass::text as target, c.conname as name,
             array(select a.attname::text from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k) as columns
        from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`);
  for (const fk of fks) {
    if (tenantTableNames.has(fk.table) && tenantTableNames.has(fk.target) && fk.columns[0] !== 'tenant_id') {
      problems.push(`${fk.table}.${fk.name} references tenant table ${fk.target} without tenant_id first`);
    }
  }
  // A tenant_id column must be declared not null and reference the tenant.
  const tenantColumns = await rows<{ table: string; nullable: boolean; references_tenant: boolean }>(sql`
      select c.relname as table, not a.attnotnull as nullable,
             exists (select 1 from pg_constraint f where f.conrelid = c.oid and f.contype = 'f'
                       and f.confrelid = 'tenant'::regclass and f.conkey = array[a.attnum]) as references_tenant
        from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
       where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'`);
  for (const t of tenantColumns) {
    if (t.nullable) problems.push(`${t.table}.tenant_id is nullable`);
    if (!t.references_tenant) problems.push(`${t.table}.tenant_id does not reference tenant`);
  }
  return { tables: [...tenantTableNames], problems };
}

describe('every table that holds tenant_id', () => {
  it('has (tenant_id, id) as primary key, tenant-scoped foreign keys and forced row-level security', async () => {
    const { tables, problems } = await tenantTableProblems();
    expect(tables).toEqual(expect.arrayContaining(['membership', 'audit_event']));
    expect(problems).toEqual([]);
  });

  it('is checked for real: a careless table is reported', async () => {
    await sql`create table careless (tenant_id uuid, id uuid primary key, membership_id uuid,
                foreign key (tenant_id, membership_id) references membership (tenant_id, id))`.execute(
      db.owner,
    );
    await sql`create table careless_child (tenant_id uuid not null references tenant (id), id uuid,
                careless_id uuid references careless (id), primary key (tenant_id, id))`.execute(db.owner);
    try {
      const { problems } = await tenantTableProblems();
      expect(problems).toEqual(
        expect.arrayContaining([
          'careless: primary key is (id), not (tenant_id, id)',
          'careless: row-level security is not enabled and forced',
          'careless: no row-level security policy',
          'careless.tenant_id is nullable',
          'careless.tenant_id does not reference tenant',
          expect.stringMatching(
            /^careless_child\..* references tenant table careless without tenant_id first$/,
          ),
        ]),
      );
    } finally {
      await sql`drop table careless_child, careless`.execute(db.owner);
    }
  });
});

describe('the service role', () => {
  it('is not a superuser, cannot bypass RLS and owns nothing', async () => {
    const [role] = await withClient(
      db.appUrl,
      async (client) =>
        (
          await client.query(`
          select r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
                 (select count(*)::int from pg_class c where c.relowner = r.oid) as owned_relations,
                 (select count(*)::int from pg_namespace n where n.nspowner = r.oid) as owned_schemas,
                 (select count(*)::int from pg_database d where d.datdba = r.oid) as owned_databases
            from pg_roles r where r.rolname = current_user`)
        ).rows,
    );
    expect(role).toEqual({
      rolsuper: false,
      rolbypassrls: false,
      rolcreaterole: false,
      rolcreatedb: false,
      owned_relations: 0,
      owned_schemas: 0,
      owned_databases: 0,
    });
  });
});

describe('the kysely table types', () => {
  it('match the migrated schema (run `pnpm db:types` after adding a migration)', async () => {
    const committed = fs.readFileSync(new URL('./tables.generated.ts', import.meta.url), 'utf8');
    expect(await renderTableTypes(db.owner as unknown as Kysely<unknown>)).toBe(committed);
  });
});

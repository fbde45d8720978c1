import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/** Tenant isolation as DESIGN.md describes it (the same policy as in 0001; migrations import no app code). */
async function isolateByTenant(db: Kysely<unknown>, table: string): Promise<void> {
  await sql.raw(`alter table ${table} enable row level security`).execute(db);
  await sql.raw(`alter table ${table} force row level security`).execute(db);
  await sql
    .raw(
      `create policy tenant_isolation on ${table}
         using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
         with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)`,
    )
    .execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // Where trainees practise: a master artisan's workshop, a cooperative, a company, or the
  // centre's own workshop. Paused or closed hosts keep their rows and their history.
  await sql`
    create table host (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      kind text not null check (kind in ('ARTISAN_WORKSHOP', 'COOPERATIVE', 'COMPANY', 'IN_CENTRE')),
      name text not null,
      name_ar text,
      trade_id uuid not null,
      capacity integer not null check (capacity between 1 and 200),
      address text,
      province text not null,
      contact_name text,
      contact_phone text check (contact_phone ~ '^\\+[1-9][0-9]{6,14}$'),
      status text not null default 'ACTIVE' check (status in ('ACTIVE', 'PAUSED', 'CLOSED')),
      status_reason text,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, trade_id) references trade (tenant_id, id)
    )`.execute(db);
  await sql`create index host_trade_idx on host (tenant_id, trade_id, status)`.execute(db);
  await isolateByTenant(db, 'host');

  // A host artisan's membership names the host they answer for.
  await sql`alter table membership add constraint membership_host_fk
              foreign key (tenant_id, host_id) references host (tenant_id, id)`.execute(db);

  // An enrolled trainee at a host on some weekdays (ISO, 1 = Monday) between two days. It exists
  // as a placement only once the host's artisan has confirmed it.
  await sql`
    create table placement (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      enrollment_id uuid not null,
      host_id uuid not null,
      starts_on date not null,
      ends_on date not null,
      weekdays smallint[] not null check (cardinality(weekdays) between 1 and 7
        and weekdays <@ '{1,2,3,4,5,6,7}'::smallint[]),
      status text not null default 'PROPOSED' check (status in
        ('PROPOSED', 'CONFIRMED', 'ACTIVE', 'COMPLETED', 'DECLINED', 'ENDED_EARLY')),
      status_reason text,
      status_changed_at timestamptz not null default now(),
      proposed_by uuid references app_user (id),
      reminded_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, enrollment_id) references enrollment (tenant_id, id),
      foreign key (tenant_id, host_id) references host (tenant_id, id),
      check (starts_on <= ends_on)
    )`.execute(db);
  await sql`create index placement_host_idx on placement (tenant_id, host_id, status, starts_on)`.execute(db);
  await sql`create index placement_enrollment_idx on placement (tenant_id, enrollment_id)`.execute(db);
  await isolateByTenant(db, 'placement');

  // Every answer and change of a placement: who, from what, to what, why.
  await sql`
    create table placement_event (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      placement_id uuid not null,
      from_status text,
      to_status text not null,
      reason text,
      actor_user_id uuid references app_user (id),
      at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, placement_id) references placement (tenant_id, id)
    )`.execute(db);
  await sql`create index placement_event_placement_idx on placement_event (tenant_id, placement_id, at)`.execute(
    db,
  );
  await isolateByTenant(db, 'placement_event');
}

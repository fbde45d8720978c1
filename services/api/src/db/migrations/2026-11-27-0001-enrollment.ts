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
  // A trade (filière) of one centre: weaving, wood, leather…
  await sql`
    create table trade (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      code text not null check (code ~ '^[A-Z][A-Z0-9_]{1,31}$'),
      name_fr text not null,
      name_ar text not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, code)
    )`.execute(db);
  await isolateByTenant(db, 'trade');

  // What a cohort follows: its length, its theory share, which weekdays are theory and which are
  // workshop practice (ISO weekdays, 1 = Monday), and who may apply.
  await sql`
    create table programme (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      trade_id uuid not null,
      name_fr text not null,
      name_ar text not null,
      duration_months integer not null check (duration_months between 1 and 60),
      theory_share numeric(3, 2) not null default 0.20 check (theory_share between 0 and 1),
      theory_weekdays smallint[] not null default '{1}',
      practice_weekdays smallint[] not null default '{2,3,4,5}',
      min_age integer not null default 15 check (min_age between 0 and 120),
      max_age integer not null default 30 check (max_age between 0 and 120),
      min_school_level text check (min_school_level in
        ('NONE', 'PRIMARY', 'MIDDLE', 'SECONDARY', 'BACCALAUREATE', 'HIGHER')),
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, trade_id) references trade (tenant_id, id),
      check (min_age <= max_age),
      check (not (theory_weekdays && practice_weekdays))
    )`.execute(db);
  await isolateByTenant(db, 'programme');

  await sql`
    create table cohort (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      programme_id uuid not null,
      label text not null,
      starts_on date not null,
      ends_on date not null,
      capacity integer not null check (capacity between 1 and 5000),
      phase text check (phase in ('SELECTION', 'INCUBATION', 'POST_INCUBATION', 'EXITED')),
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, programme_id) references programme (tenant_id, id),
      unique (tenant_id, programme_id, label),
      check (starts_on < ends_on)
    )`.execute(db);
  await isolateByTenant(db, 'cohort');

  // One record per human per tenant. A merged duplicate keeps its row (and its history) and points
  // at the record that absorbed it.
  await sql`
    create table person (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      first_name_latin text not null,
      last_name_latin text not null,
      first_name_ar text,
      last_name_ar text,
      sex text not null check (sex in ('F', 'M')),
      birth_date date not null,
      cin text check (cin ~ '^[A-Z]{1,2}[0-9]{1,6}$'),
      phone text check (phone ~ '^\\+[1-9][0-9]{6,14}$'),
      guardian_name text,
      guardian_phone text check (guardian_phone ~ '^\\+[1-9][0-9]{6,14}$'),
      school_level text check (school_level in
        ('NONE', 'PRIMARY', 'MIDDLE', 'SECONDARY', 'BACCALAUREATE', 'HIGHER')),
      has_disability boolean not null default false,
      province text,
      user_id uuid references app_user (id),
      merged_into_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, merged_into_id) references person (tenant_id, id),
      -- Lower-cased Arabic and Latin names, for free-text search.
      search_text text generated always as (lower(
        first_name_latin || ' ' || last_name_latin || ' ' ||
        coalesce(first_name_ar, '') || ' ' || coalesce(last_name_ar, ''))) stored
    )`.execute(db);
  await sql`create unique index person_cin_key on person (tenant_id, cin)
              where cin is not null and merged_into_id is null`.execute(db);
  await sql`create index person_identity_idx on person (tenant_id, birth_date, lower(last_name_latin))`.execute(
    db,
  );
  await sql`create index person_user_idx on person (tenant_id, user_id) where user_id is not null`.execute(
    db,
  );
  await isolateByTenant(db, 'person');

  await sql`
    create table enrollment (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      person_id uuid not null,
      cohort_id uuid not null,
      status text not null check (status in
        ('APPLIED', 'ADMITTED', 'ENROLLED', 'GRADUATED', 'DROPPED_OUT', 'WITHDRAWN')),
      status_reason text,
      status_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, person_id) references person (tenant_id, id),
      foreign key (tenant_id, cohort_id) references cohort (tenant_id, id)
    )`.execute(db);
  // At most one active enrollment of a person per cohort; an ended one may be followed by a new one.
  await sql`create unique index enrollment_active_key on enrollment (tenant_id, person_id, cohort_id)
              where status in ('APPLIED', 'ADMITTED', 'ENROLLED')`.execute(db);
  await sql`create index enrollment_cohort_idx on enrollment (tenant_id, cohort_id, status)`.execute(db);
  await isolateByTenant(db, 'enrollment');

  // The dated history of every enrollment: who moved it, from what, to what, and why.
  await sql`
    create table enrollment_event (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      enrollment_id uuid not null,
      from_status text,
      to_status text not null,
      reason text,
      actor_user_id uuid references app_user (id),
      at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, enrollment_id) references enrollment (tenant_id, id)
    )`.execute(db);
  await sql`create index enrollment_event_enrollment_idx on enrollment_event (tenant_id, enrollment_id, at)`.execute(
    db,
  );
  await isolateByTenant(db, 'enrollment_event');

  // A file of applicants: its parsed rows wait here while a background job checks or imports them.
  await sql`
    create table applicant_import (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      cohort_id uuid not null,
      file_name text not null,
      file_sha256 text not null,
      dry_run boolean not null,
      status text not null default 'PENDING' check (status in ('PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED')),
      rows jsonb not null,
      total_rows integer not null,
      processed_rows integer not null default 0,
      created_people integer not null default 0,
      created_enrollments integer not null default 0,
      skipped_rows integer not null default 0,
      row_errors jsonb not null default '[]',
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      finished_at timestamptz,
      primary key (tenant_id, id),
      foreign key (tenant_id, cohort_id) references cohort (tenant_id, id)
    )`.execute(db);
  await isolateByTenant(db, 'applicant_import');

  // The background job queue. Not tenant-owned (so not `tenant_id`, which would demand RLS): the
  // worker claims jobs of every tenant, then runs each inside withTenant(for_tenant_id). It holds
  // ids, never personal data.
  await sql`
    create table job (
      id uuid primary key,
      kind text not null,
      for_tenant_id uuid references tenant (id),
      payload jsonb not null default '{}',
      status text not null default 'PENDING' check (status in ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
      run_at timestamptz not null default now(),
      attempts integer not null default 0,
      max_attempts integer not null default 3,
      locked_until timestamptz,
      last_error text,
      created_at timestamptz not null default now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`create index job_due_idx on job (run_at) where status in ('PENDING', 'RUNNING')`.execute(db);
}

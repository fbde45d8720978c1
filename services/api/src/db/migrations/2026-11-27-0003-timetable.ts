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
  // Days without sessions: Moroccan public holidays (the centre edits its own list) and closures.
  await sql`
    create table holiday (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      day date not null,
      kind text not null check (kind in ('PUBLIC_HOLIDAY', 'CLOSURE')),
      name_fr text not null,
      name_ar text not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, day)
    )`.execute(db);
  await isolateByTenant(db, 'holiday');

  // One row per tenant: the hours a generated timetable uses, and how far a trainee's actual
  // theory share may drift from the programme's target before the ledger flags it.
  await sql`
    create table timetable_setting (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      theory_starts time not null default '09:00',
      theory_ends time not null default '13:00',
      practice_starts time not null default '09:00',
      practice_ends time not null default '16:00',
      ledger_tolerance numeric(3, 2) not null default 0.05 check (ledger_tolerance between 0 and 0.5),
      primary key (tenant_id, id),
      unique (tenant_id),
      check (theory_starts < theory_ends and practice_starts < practice_ends)
    )`.execute(db);
  await isolateByTenant(db, 'timetable_setting');

  // A session as a timetable writes it: a local day, local start and end, and the zone they are
  // in. Theory sessions belong to a cohort; practice sessions to a cohort at one host.
  await sql`
    create table class_session (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      cohort_id uuid not null,
      kind text not null check (kind in ('THEORY', 'PRACTICE', 'CONTINUING_EDUCATION', 'COACHING')),
      host_id uuid,
      day date not null,
      starts_at time not null,
      ends_at time not null,
      timezone text not null,
      place text,
      generated boolean not null default true,
      cancelled_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, cohort_id) references cohort (tenant_id, id),
      foreign key (tenant_id, host_id) references host (tenant_id, id),
      check (starts_at < ends_at),
      check ((kind = 'PRACTICE') = (host_id is not null))
    )`.execute(db);
  // Regenerating finds the same session again instead of adding a second one.
  await sql`create unique index class_session_slot_key on class_session
              (tenant_id, cohort_id, kind, day, host_id) nulls not distinct`.execute(db);
  await sql`create index class_session_day_idx on class_session (tenant_id, day)`.execute(db);
  await isolateByTenant(db, 'class_session');

  // Who was there. A session with no row for a trainee was never recorded: not counted as present.
  await sql`
    create table attendance (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      session_id uuid not null,
      enrollment_id uuid not null,
      status text not null check (status in ('PRESENT', 'LATE', 'ABSENT_EXCUSED', 'ABSENT_UNEXCUSED')),
      hours numeric(4, 2) not null check (hours >= 0 and hours <= 24),
      reason text,
      recorded_by uuid references app_user (id),
      recorded_at timestamptz not null default now(),
      corrected_at timestamptz,
      primary key (tenant_id, id),
      foreign key (tenant_id, session_id) references class_session (tenant_id, id),
      foreign key (tenant_id, enrollment_id) references enrollment (tenant_id, id),
      unique (tenant_id, session_id, enrollment_id)
    )`.execute(db);
  await sql`create index attendance_enrollment_idx on attendance (tenant_id, enrollment_id)`.execute(db);
  await isolateByTenant(db, 'attendance');

  // Corrections after the fact: what it was, what it became, who changed it and why.
  await sql`
    create table attendance_event (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      attendance_id uuid not null,
      from_status text,
      to_status text not null,
      from_hours numeric(4, 2),
      to_hours numeric(4, 2) not null,
      reason text,
      actor_user_id uuid references app_user (id),
      at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, attendance_id) references attendance (tenant_id, id)
    )`.execute(db);
  await sql`create index attendance_event_attendance_idx on attendance_event (tenant_id, attendance_id, at)`.execute(
    db,
  );
  await isolateByTenant(db, 'attendance_event');

  // A trainee's private calendar feed: the URL carries the tenant id and a secret, stored hashed.
  await sql`
    create table calendar_feed (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      person_id uuid not null,
      token_hash bytea not null unique,
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      primary key (tenant_id, id),
      foreign key (tenant_id, person_id) references person (tenant_id, id)
    )`.execute(db);
  await isolateByTenant(db, 'calendar_feed');
}

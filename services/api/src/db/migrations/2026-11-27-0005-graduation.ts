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
  // A programme's completion rules: the share of due hours attended, an optional minimum of
  // workshop practice hours, and the pass mark (out of 20) of each final assessment.
  await sql`
    alter table programme
      add column min_attendance_rate numeric(3, 2) not null default 0.80
        check (min_attendance_rate between 0 and 1),
      add column min_practice_hours numeric(7, 1) check (min_practice_hours >= 0),
      add column pass_mark numeric(4, 2) not null default 10 check (pass_mark between 0 and 20)`.execute(db);

  // The final assessment of a trainee: one by the instructor (theory), one by the host artisan
  // (the workshop). Recording again replaces the mark; the audit trail keeps the earlier one.
  await sql`
    create table assessment (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      enrollment_id uuid not null,
      assessor_role text not null check (assessor_role in ('INSTRUCTOR', 'HOST_ARTISAN')),
      score numeric(4, 2) not null check (score between 0 and 20),
      comment text,
      assessed_on date not null,
      recorded_by uuid references app_user (id),
      recorded_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, enrollment_id) references enrollment (tenant_id, id),
      unique (tenant_id, enrollment_id, assessor_role)
    )`.execute(db);
  await isolateByTenant(db, 'assessment');

  // A graduation: when, by whom, and — when the rules were not met — which blockers were
  // overridden and why.
  await sql`
    create table graduation (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      enrollment_id uuid not null,
      graduated_on date not null,
      overridden_blockers text[] not null default '{}',
      override_reason text,
      graduated_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, enrollment_id) references enrollment (tenant_id, id),
      unique (tenant_id, enrollment_id),
      check (cardinality(overridden_blockers) = 0 or override_reason is not null)
    )`.execute(db);
  await isolateByTenant(db, 'graduation');

  // One certificate per graduation. What it says is frozen at issue (content): a later edit of the
  // person or the programme does not change a document already handed out. The PDF is rendered by a
  // background job and kept.
  await sql`
    create table certificate (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      graduation_id uuid not null,
      enrollment_id uuid not null,
      person_id uuid not null,
      serial text not null,
      issued_on date not null,
      content jsonb not null,
      revoked_at timestamptz,
      revoked_reason text,
      revoked_by uuid references app_user (id),
      pdf bytea,
      pdf_rendered_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, graduation_id) references graduation (tenant_id, id),
      foreign key (tenant_id, enrollment_id) references enrollment (tenant_id, id),
      foreign key (tenant_id, person_id) references person (tenant_id, id),
      unique (tenant_id, graduation_id),
      unique (tenant_id, serial),
      check (revoked_at is null or revoked_reason is not null)
    )`.execute(db);
  await sql`create index certificate_person_idx on certificate (tenant_id, person_id)`.execute(db);
  await isolateByTenant(db, 'certificate');

  // The public verification page knows only the serial: this narrow shared table says which
  // tenant holds it (a Citus reference table). Append-only for the service role.
  await sql`
    create table certificate_serial (
      serial text primary key,
      for_tenant_id uuid not null references tenant (id),
      certificate_id uuid not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  // A graduate follow-up wave (at graduation, +6, +12, +24 months): due on a date, answered by staff
  // after a call or by the graduate through a one-time link (only its hash is kept).
  await sql`
    create table outcome (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      graduation_id uuid not null,
      person_id uuid not null,
      months_after_graduation smallint not null check (months_after_graduation in (0, 6, 12, 24)),
      due_on date not null,
      status text check (status in ('HOST_COMPANY', 'COOPERATIVE', 'SELF_EMPLOYED', 'CREATED_COOPERATIVE',
        'CREATED_ACTIVITY', 'FURTHER_TRAINING', 'SEEKING', 'UNREACHABLE')),
      organisation text,
      outcome_on date,
      surveyed_on date,
      notes text,
      source text check (source in ('STAFF', 'GRADUATE')),
      recorded_by uuid references app_user (id),
      recorded_at timestamptz,
      link_secret_hash bytea,
      link_sent_at timestamptz,
      link_expires_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, graduation_id) references graduation (tenant_id, id),
      foreign key (tenant_id, person_id) references person (tenant_id, id),
      unique (tenant_id, graduation_id, months_after_graduation),
      check ((status is null) = (surveyed_on is null))
    )`.execute(db);
  await sql`create index outcome_due_idx on outcome (tenant_id, due_on) where status is null`.execute(db);
  await isolateByTenant(db, 'outcome');
}

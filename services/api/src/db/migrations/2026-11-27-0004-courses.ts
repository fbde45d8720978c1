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
  // A short training: for practising artisans, micro-finance staff, entrepreneurs, trainers…
  // `training_line` is the heading the centre publishes its yearly figures under.
  await sql`
    create table course (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      title_fr text not null,
      title_ar text,
      training_line text not null,
      topic text,
      audience text not null check (audience in
        ('ARTISANS', 'MFI_STAFF', 'MICRO_ENTREPRENEURS', 'ENTREPRENEURS', 'TRAINERS', 'OTHER')),
      partners text[] not null default '{}',
      mode text not null check (mode in ('IN_PERSON', 'E_LEARNING', 'BLENDED')),
      city text,
      capacity integer not null check (capacity between 1 and 10000),
      price_mad numeric(10, 2) not null default 0 check (price_mad >= 0),
      completion_threshold numeric(3, 2) not null default 0.80 check (completion_threshold between 0 and 1),
      status text not null default 'OPEN' check (status in ('OPEN', 'CLOSED', 'CANCELLED')),
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      check (mode = 'E_LEARNING' or city is not null)
    )`.execute(db);
  await isolateByTenant(db, 'course');

  // One dated session of a course; its length counts towards the centre's training-days.
  await sql`
    create table course_session (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      course_id uuid not null,
      day date not null,
      starts_at time,
      ends_at time,
      days numeric(4, 2) not null check (days > 0 and days <= 31),
      hours numeric(5, 2) check (hours > 0 and hours <= 24 * 31),
      place text,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, course_id) references course (tenant_id, id),
      check (starts_at is null or ends_at is null or starts_at < ends_at)
    )`.execute(db);
  await sql`create index course_session_course_idx on course_session (tenant_id, course_id, day)`.execute(db);
  await isolateByTenant(db, 'course_session');

  // A person's place on a course, or on its waitlist (promoted in order when a place frees up).
  await sql`
    create table registration (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      course_id uuid not null,
      person_id uuid not null,
      status text not null check (status in ('REGISTERED', 'WAITLISTED', 'CANCELLED', 'COMPLETED')),
      status_reason text,
      waitlisted_at timestamptz,
      status_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, course_id) references course (tenant_id, id),
      foreign key (tenant_id, person_id) references person (tenant_id, id)
    )`.execute(db);
  await sql`create unique index registration_active_key on registration (tenant_id, course_id, person_id)
              where status in ('REGISTERED', 'WAITLISTED', 'COMPLETED')`.execute(db);
  await sql`create index registration_person_idx on registration (tenant_id, person_id)`.execute(db);
  await isolateByTenant(db, 'registration');

  await sql`
    create table course_attendance (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      course_session_id uuid not null,
      registration_id uuid not null,
      present boolean not null,
      recorded_by uuid references app_user (id),
      recorded_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, course_session_id) references course_session (tenant_id, id),
      foreign key (tenant_id, registration_id) references registration (tenant_id, id),
      unique (tenant_id, course_session_id, registration_id)
    )`.execute(db);
  await isolateByTenant(db, 'course_attendance');
}

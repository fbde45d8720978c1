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
  // Two roles the incubators and the prize need: a coach (sees only the ventures they coach) and a
  // juror (an outside expert who sees only the calls they sit on).
  await sql`alter table membership drop constraint membership_role_check`.execute(db);
  await sql`
    alter table membership add constraint membership_role_check check (role in
      ('NETWORK_ADMIN', 'DIRECTOR', 'COORDINATOR', 'INSTRUCTOR', 'HOST_ARTISAN', 'TRAINEE', 'COACH', 'JUROR'))`.execute(
    db,
  );

  // ---------------------------------------------------------------------------------------------
  // Calls for applications: incubator selection, the national prize, any grant programme.

  // Eligibility: an age band on the applicant's birth date at the closing day, the kinds of
  // applicant taken, the documents every application must attach, and provinces (empty = all).
  // Scores are given in [score_min, score_max] on every criterion.
  await sql`
    create table call (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      kind text not null check (kind in ('INCUBATOR_SELECTION', 'PRIZE', 'GRANT')),
      title_fr text not null,
      title_ar text,
      description text,
      opens_on date not null,
      closes_on date not null,
      status text not null default 'DRAFT' check (status in ('DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED')),
      min_age integer check (min_age between 0 and 120),
      max_age integer check (max_age between 0 and 120),
      applicant_kinds text[] not null default '{PERSON}',
      required_documents text[] not null default '{}',
      provinces text[] not null default '{}',
      score_min numeric(6, 2) not null default 0,
      score_max numeric(6, 2) not null default 20,
      cohort_id uuid,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      closed_at timestamptz,
      published_at timestamptz,
      primary key (tenant_id, id),
      foreign key (tenant_id, cohort_id) references cohort (tenant_id, id),
      check (opens_on <= closes_on),
      check (min_age is null or max_age is null or min_age <= max_age),
      check (score_min < score_max),
      check (applicant_kinds <@ '{PERSON,VENTURE}' and cardinality(applicant_kinds) > 0)
    )`.execute(db);
  await isolateByTenant(db, 'call');

  // Categories of a call (the prize has six); each admits or crowns `places` applications.
  await sql`
    create table call_category (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      call_id uuid not null,
      name_fr text not null,
      name_ar text,
      places integer not null check (places between 1 and 10000),
      position integer not null default 0,
      primary key (tenant_id, id),
      foreign key (tenant_id, call_id) references call (tenant_id, id),
      unique (tenant_id, call_id, name_fr)
    )`.execute(db);
  await isolateByTenant(db, 'call_category');

  await sql`
    create table call_criterion (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      call_id uuid not null,
      name_fr text not null,
      name_ar text,
      weight numeric(6, 2) not null check (weight > 0),
      position integer not null default 0,
      primary key (tenant_id, id),
      foreign key (tenant_id, call_id) references call (tenant_id, id),
      unique (tenant_id, call_id, name_fr)
    )`.execute(db);
  await isolateByTenant(db, 'call_criterion');

  // A juror of a call: a user (with a JUROR membership, or staff) named on the jury.
  await sql`
    create table call_juror (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      call_id uuid not null,
      user_id uuid not null references app_user (id),
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, call_id) references call (tenant_id, id),
      unique (tenant_id, call_id, user_id)
    )`.execute(db);
  await isolateByTenant(db, 'call_juror');

  // ---------------------------------------------------------------------------------------------
  // Ventures (created before applications: a venture may apply to a call).

  await sql`
    create table venture (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      name text not null,
      sector text not null,
      description text,
      cohort_id uuid,
      phase text not null default 'SELECTION'
        check (phase in ('SELECTION', 'INCUBATION', 'POST_INCUBATION', 'EXITED', 'ABANDONED')),
      legal_form text check (legal_form in
        ('AUTO_ENTREPRENEUR', 'COOPERATIVE', 'SARL', 'SARL_AU', 'INDIVIDUAL_ENTERPRISE', 'OTHER')),
      formalised_on date,
      exited_on date,
      coach_user_id uuid references app_user (id),
      province text,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, cohort_id) references cohort (tenant_id, id),
      check ((legal_form is null) = (formalised_on is null)),
      check ((phase = 'EXITED') = (exited_on is not null) or phase = 'ABANDONED')
    )`.execute(db);
  await sql`create index venture_cohort_idx on venture (tenant_id, cohort_id, phase)`.execute(db);
  await sql`create index venture_coach_idx on venture (tenant_id, coach_user_id)`.execute(db);
  await isolateByTenant(db, 'venture');

  await sql`
    create table venture_founder (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      venture_id uuid not null,
      person_id uuid not null,
      is_lead boolean not null default false,
      primary key (tenant_id, id),
      foreign key (tenant_id, venture_id) references venture (tenant_id, id),
      foreign key (tenant_id, person_id) references person (tenant_id, id),
      unique (tenant_id, venture_id, person_id)
    )`.execute(db);
  await sql`create index venture_founder_person_idx on venture_founder (tenant_id, person_id)`.execute(db);
  await isolateByTenant(db, 'venture_founder');

  // The dated phase history of a venture (append-only, like enrollment_event).
  await sql`
    create table venture_event (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      venture_id uuid not null,
      from_phase text,
      to_phase text not null,
      on_date date not null,
      reason text,
      actor_user_id uuid references app_user (id),
      at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, venture_id) references venture (tenant_id, id)
    )`.execute(db);
  await isolateByTenant(db, 'venture_event');

  await sql`
    create table venture_funding (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      venture_id uuid not null,
      amount_mad numeric(12, 2) not null check (amount_mad > 0),
      source text not null,
      kind text not null check (kind in ('MICRO_CREDIT', 'BANK_LOAN', 'GRANT', 'HONOUR_LOAN', 'EQUITY', 'OTHER')),
      received_on date not null,
      recorded_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, venture_id) references venture (tenant_id, id)
    )`.execute(db);
  await isolateByTenant(db, 'venture_funding');

  // Jobs as counted on a day; the latest count is the venture's current figure.
  await sql`
    create table venture_jobs (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      venture_id uuid not null,
      counted_on date not null,
      full_time integer not null check (full_time >= 0),
      temporary integer not null check (temporary >= 0),
      recorded_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, venture_id) references venture (tenant_id, id),
      unique (tenant_id, venture_id, counted_on)
    )`.execute(db);
  await isolateByTenant(db, 'venture_jobs');

  // Yearly survival checks for five years after exit: is the venture still trading?
  await sql`
    create table survival_check (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      venture_id uuid not null,
      years_after_exit smallint not null check (years_after_exit between 1 and 5),
      checked_on date not null,
      active boolean not null,
      notes text,
      recorded_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, venture_id) references venture (tenant_id, id),
      unique (tenant_id, venture_id, years_after_exit)
    )`.execute(db);
  await isolateByTenant(db, 'survival_check');

  await sql`
    create table coaching_session (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      venture_id uuid not null,
      coach_user_id uuid not null references app_user (id),
      held_on date not null,
      minutes integer not null check (minutes between 5 and 600),
      topic text not null,
      notes text,
      next_steps text,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, venture_id) references venture (tenant_id, id)
    )`.execute(db);
  await sql`create index coaching_session_venture_idx on coaching_session (tenant_id, venture_id, held_on)`.execute(
    db,
  );
  await isolateByTenant(db, 'coaching_session');

  // ---------------------------------------------------------------------------------------------
  // Applications, documents, conflicts and scores.

  await sql`
    create table application (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      call_id uuid not null,
      category_id uuid not null,
      person_id uuid,
      venture_id uuid,
      title text not null,
      summary text,
      status text not null default 'SUBMITTED'
        check (status in ('SUBMITTED', 'WITHDRAWN', 'SELECTED', 'NOT_SELECTED')),
      submitted_on date not null,
      created_by uuid references app_user (id),
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, call_id) references call (tenant_id, id),
      foreign key (tenant_id, category_id) references call_category (tenant_id, id),
      foreign key (tenant_id, person_id) references person (tenant_id, id),
      foreign key (tenant_id, venture_id) references venture (tenant_id, id),
      check ((person_id is null) <> (venture_id is null))
    )`.execute(db);
  await sql`create unique index application_person_key on application (tenant_id, call_id, person_id)
              where person_id is not null and status <> 'WITHDRAWN'`.execute(db);
  await sql`create unique index application_venture_key on application (tenant_id, call_id, venture_id)
              where venture_id is not null and status <> 'WITHDRAWN'`.execute(db);
  await sql`create index application_call_idx on application (tenant_id, call_id, category_id)`.execute(db);
  await isolateByTenant(db, 'application');

  await sql`
    create table application_document (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      application_id uuid not null,
      kind text not null,
      file_name text not null,
      content_type text not null,
      size_bytes integer not null check (size_bytes between 1 and 5242880),
      sha256 text not null,
      content bytea not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, application_id) references application (tenant_id, id)
    )`.execute(db);
  await isolateByTenant(db, 'application_document');

  // A juror's declared conflict of interest with one application: they cannot score it.
  await sql`
    create table juror_conflict (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      application_id uuid not null,
      juror_id uuid not null,
      reason text not null,
      declared_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, application_id) references application (tenant_id, id),
      foreign key (tenant_id, juror_id) references call_juror (tenant_id, id),
      unique (tenant_id, application_id, juror_id)
    )`.execute(db);
  await isolateByTenant(db, 'juror_conflict');

  // One juror's evaluation of one application: a draft until submitted, then final.
  await sql`
    create table evaluation (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      application_id uuid not null,
      juror_id uuid not null,
      comment text,
      submitted_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, application_id) references application (tenant_id, id),
      foreign key (tenant_id, juror_id) references call_juror (tenant_id, id),
      unique (tenant_id, application_id, juror_id)
    )`.execute(db);
  await isolateByTenant(db, 'evaluation');

  await sql`
    create table evaluation_score (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      evaluation_id uuid not null,
      criterion_id uuid not null,
      value numeric(6, 2) not null,
      primary key (tenant_id, id),
      foreign key (tenant_id, evaluation_id) references evaluation (tenant_id, id),
      foreign key (tenant_id, criterion_id) references call_criterion (tenant_id, id),
      unique (tenant_id, evaluation_id, criterion_id)
    )`.execute(db);
  await isolateByTenant(db, 'evaluation_score');
}

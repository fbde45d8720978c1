import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

/** Tenant isolation as DESIGN.md describes it: forced RLS keyed on app.tenant_id. */
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
  // Shared (reference) tables: small, read by every tenant, written only by the owner role.
  await sql`
    create table network (
      id uuid primary key,
      name text not null,
      name_ar text,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table tenant (
      id uuid primary key,
      network_id uuid not null references network (id),
      kind text not null check (kind in ('CRAFT_CENTRE', 'INCUBATOR', 'MICROCREDIT_CENTRE')),
      name text not null,
      name_ar text,
      city text not null,
      timezone text not null default 'Africa/Casablanca',
      locale text not null default 'ar-MA' check (locale in ('ar-MA', 'fr-MA')),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index tenant_network_idx on tenant (network_id)`.execute(db);

  // Identity is global: one person signs in once and may belong to several tenants.
  await sql`
    create table app_user (
      id uuid primary key,
      display_name text not null,
      email text,
      phone text,
      password_hash text,
      locale text check (locale in ('ar-MA', 'fr-MA')),
      created_at timestamptz not null default now(),
      disabled_at timestamptz,
      check (email is not null or phone is not null),
      check (phone is null or phone ~ '^\\+[1-9][0-9]{6,14}$')
    )`.execute(db);
  await sql`create unique index app_user_email_key on app_user (lower(email))`.execute(db);
  await sql`create unique index app_user_phone_key on app_user (phone)`.execute(db);

  await sql`
    create table session (
      id uuid primary key,
      user_id uuid not null references app_user (id),
      token_hash bytea not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      ip text,
      user_agent text
    )`.execute(db);
  await sql`create index session_user_idx on session (user_id)`.execute(db);

  await sql`
    create table one_time_code (
      id uuid primary key,
      user_id uuid not null references app_user (id),
      code_hash bytea not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      failed_attempts integer not null default 0
    )`.execute(db);
  await sql`create index one_time_code_user_idx on one_time_code (user_id, created_at desc)`.execute(db);

  // Every sign-in attempt, failed or not, keyed by identity and by IP: the rate limiter counts these.
  await sql`
    create table auth_attempt (
      id uuid primary key,
      kind text not null,
      key text not null,
      succeeded boolean not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index auth_attempt_key_idx on auth_attempt (key, at desc)`.execute(db);

  // Security events that belong to a person rather than a tenant (sign-in, sign-out).
  await sql`
    create table auth_event (
      id uuid primary key,
      user_id uuid references app_user (id),
      action text not null,
      ip text,
      request_id text,
      at timestamptz not null default now()
    )`.execute(db);

  // Messages waiting for a delivery adapter (SMS, e-mail); sent by a background worker.
  await sql`
    create table outbox_message (
      id uuid primary key,
      channel text not null check (channel in ('SMS', 'EMAIL')),
      recipient text not null,
      template text not null,
      body text not null,
      created_at timestamptz not null default now(),
      available_at timestamptz not null default now(),
      sent_at timestamptz,
      attempts integer not null default 0,
      last_error text
    )`.execute(db);
  await sql`create index outbox_message_pending_idx on outbox_message (available_at) where sent_at is null`.execute(
    db,
  );

  // Tenant-owned tables.
  await sql`
    create table membership (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      user_id uuid not null references app_user (id),
      role text not null check (role in
        ('NETWORK_ADMIN', 'DIRECTOR', 'COORDINATOR', 'INSTRUCTOR', 'HOST_ARTISAN', 'TRAINEE')),
      host_id uuid,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, user_id, role),
      check ((role = 'HOST_ARTISAN') or host_id is null)
    )`.execute(db);
  await sql`create index membership_user_idx on membership (user_id)`.execute(db);
  await isolateByTenant(db, 'membership');
  // A signed-in person may read their own memberships in every tenant (to pick one), and nothing more.
  await sql`
    create policy own_memberships on membership for select
      using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)`.execute(db);

  await sql`
    create table audit_event (
      tenant_id uuid not null references tenant (id),
      id uuid not null,
      actor_user_id uuid references app_user (id),
      action text not null,
      entity_type text not null,
      entity_ids uuid[] not null default '{}',
      data jsonb not null default '{}',
      request_id text,
      at timestamptz not null default now(),
      primary key (tenant_id, id)
    )`.execute(db);
  await isolateByTenant(db, 'audit_event');
}

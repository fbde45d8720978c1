import { sql } from 'kysely';
import type { Tx } from '../../db/with-tenant.js';
import { UserError } from '../../graphql/errors.js';
import { newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/service.js';
import type { Actor } from '../identity/access.js';
import { lockCohort } from '../programmes/service.js';
import type { TenantRow } from '../tenancy/service.js';
import type { Settings } from './settings.js';

export interface GenerateResult {
  created: number;
  kept: number;
  removed: number;
  skippedDays: number;
}

interface PlannedSlot {
  kind: 'THEORY' | 'PRACTICE';
  day: string;
  host_id: string | null;
}

/** The nil UUID stands for "no host" where a comparison must be an equality (hashable). */
const NO_HOST = '00000000-0000-0000-0000-000000000000';

/**
 * Writes a cohort's timetable from `from` to `to` (clamped to the cohort's dates): a THEORY
 * session on each of the programme's theory weekdays, and a PRACTICE session per host and day on
 * which a placement of the cohort's trainees holds that day (the same placements the expected
 * slots count: confirmed, active, completed, or ended early after that day). Holidays and
 * closures get nothing.
 *
 * Idempotent: a slot that exists is found again (the unique slot index), never duplicated. A
 * generated session that left the plan is removed only when no attendance was recorded at it.
 * A bounded number of statements whatever the cohort's size: the plan is one query, the inserts
 * one, the removals two.
 */
export async function generateInTx(
  tx: Tx,
  actor: Actor,
  tenant: TenantRow,
  settings: Settings,
  args: { cohortId: string; from?: string | null; to?: string | null },
): Promise<GenerateResult> {
  if (args.from && args.to && args.from > args.to) throw new UserError('INVALID_DATE', 'to');
  // Locked: two generations of one cohort (or an enrollment change) take turns.
  const { cohort, programme } = await lockCohort(tx, args.cohortId);
  const from = args.from && args.from > cohort.starts_on ? args.from : cohort.starts_on;
  const to = args.to && args.to < cohort.ends_on ? args.to : cohort.ends_on;
  if (from > to)
    throw new UserError('OUTSIDE_COHORT_DATES', args.from && args.from > cohort.ends_on ? 'from' : 'to');

  const { rows } = await sql<PlannedSlot & { holiday: boolean }>`
    with days as (
      select d::date as day, extract(isodow from d)::smallint as dow
        from generate_series(${from}::date, ${to}::date, interval '1 day') as d
    ),
    wanted as (
      select 'THEORY'::text as kind, days.day, null::uuid as host_id
        from days
       where days.dow = any (${sql.val(programme.theory_weekdays)}::smallint[])
      union
      select 'PRACTICE', days.day, p.host_id
        from days
        join placement p
          on days.day between p.starts_on and p.ends_on
         and days.dow = any (p.weekdays)
         and (p.status in ('CONFIRMED', 'ACTIVE', 'COMPLETED')
              or (p.status = 'ENDED_EARLY' and p.status_changed_at::date > days.day))
        join enrollment e on e.id = p.enrollment_id and e.cohort_id = ${cohort.id}
    )
    select w.kind, w.day::text as day, w.host_id, (h.id is not null) as holiday
      from wanted w
      left join holiday h on h.day = w.day`.execute(tx);

  const plan = rows.filter((r) => !r.holiday);
  const skippedDays = new Set(rows.filter((r) => r.holiday).map((r) => r.day)).size;

  // No place is stored: a generated session is at the centre or at its host, named in the reader's
  // language when it is read (place.ts).
  const times = (slot: PlannedSlot) =>
    slot.kind === 'THEORY'
      ? [settings.theory_starts, settings.theory_ends]
      : [settings.practice_starts, settings.practice_ends];

  // Column arrays: one insert for the whole plan, however long.
  const kinds = plan.map((r) => r.kind);
  const days = plan.map((r) => r.day);
  const hostIds = plan.map((r) => r.host_id);
  const created = await sql<{ n: number }>`
    with inserted as (
      insert into class_session
        (tenant_id, id, cohort_id, kind, host_id, day, starts_at, ends_at, timezone, generated)
      select ${actor.tenantId}, u.id, ${cohort.id}, u.kind, u.host_id, u.day, u.starts_at, u.ends_at,
             ${tenant.timezone}, true
        from unnest(${sql.val(plan.map(() => newId()))}::uuid[], ${sql.val(kinds)}::text[],
                    ${sql.val(hostIds)}::uuid[], ${sql.val(days)}::date[],
                    ${sql.val(plan.map((r) => times(r)[0]))}::time[], ${sql.val(plan.map((r) => times(r)[1]))}::time[])
             as u(id, kind, host_id, day, starts_at, ends_at)
      on conflict (tenant_id, cohort_id, kind, day, host_id) do nothing
      returning 1
    )
    select count(*)::int as n from inserted`.execute(tx);

  // Generated sessions of this cohort that the plan no longer has, locked: attendance being
  // recorded at one right now commits first (or waits), so the check below is settled. The range
  // is the one asked for, not clamped: regenerating a whole cohort also clears the days its dates
  // no longer cover (after they were shortened).
  const stale = await sql<{ id: string }>`
    select s.id
      from class_session s
     where s.cohort_id = ${cohort.id} and s.generated and s.kind in ('THEORY', 'PRACTICE')
       and (${args.from ?? null}::date is null or s.day >= ${args.from ?? null}::date)
       and (${args.to ?? null}::date is null or s.day <= ${args.to ?? null}::date)
       and not exists (
         select 1
           from unnest(${sql.val(kinds)}::text[], ${sql.val(hostIds)}::uuid[], ${sql.val(days)}::date[])
                as p(kind, host_id, day)
          where p.kind = s.kind and p.day = s.day
            and coalesce(p.host_id, ${NO_HOST}::uuid) = coalesce(s.host_id, ${NO_HOST}::uuid))
       for update of s`.execute(tx);
  const staleIds = stale.rows.map((r) => r.id);
  // Recorded attendance is never lost: such a session stays, whatever the plan says now.
  const removed =
    staleIds.length === 0
      ? []
      : (
          await sql<{ id: string }>`
            delete from class_session s
             where s.id = any (${sql.val(staleIds)}::uuid[])
               and not exists (select 1 from attendance a where a.session_id = s.id)
            returning s.id`.execute(tx)
        ).rows;

  const createdCount = created.rows[0]?.n ?? 0;
  const result: GenerateResult = {
    created: createdCount,
    kept: plan.length - createdCount + (staleIds.length - removed.length),
    removed: removed.length,
    skippedDays,
  };
  await recordAudit(tx, actor, {
    action: 'timetable.generated',
    entityType: 'cohort',
    entityIds: [cohort.id],
    data: { from, to, ...result },
  });
  return result;
}

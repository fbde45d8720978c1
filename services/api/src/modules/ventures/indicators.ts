import { sql } from 'kysely';
import type { CohortRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type { ReportScope } from '../../graphql/generated/resolvers.js';
import { checkYear } from '../../lib/year.js';
import { requireMember } from '../identity/access.js';
import { networkCentres } from '../tenancy/network.js';
import { networksByIds, type TenantRow, tenantsByIds } from '../tenancy/service.js';
import { INDICATOR_READERS } from './access.js';
import { SURVIVAL_YEARS } from './validate.js';

export interface SurvivalRate {
  yearsAfterExit: number;
  due: number;
  checked: number;
  active: number;
  rate: number | null;
}

export interface CohortProgress {
  cohort: CohortRow | null;
  label: string;
  selection: number;
  incubation: number;
  postIncubation: number;
  exited: number;
  abandoned: number;
}

export interface IncubatorFigures {
  tenant: TenantRow | null;
  name: string;
  venturesCreated: number;
  venturesCreatedToDate: number;
  jobsFullTime: number;
  jobsTemporary: number;
  jobs: number;
  peopleFinanced: number;
  fundingMad: number;
  coachingSessions: number;
  coachingHours: number;
  survivalRate: number | null;
  survival: SurvivalRate[];
  cohorts: CohortProgress[];
  /** The headline's parts, so a network total adds up ventures, not rates. */
  survivalChecked: number;
  survivalActive: number;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

interface ScalarRow {
  created: number;
  created_to_date: number;
  jobs_full_time: number;
  jobs_temporary: number;
  people_financed: number;
  funding_mad: string;
  coaching_sessions: number;
  coaching_minutes: number;
  survival_checked: number;
  survival_active: number;
}

/**
 * One incubator's figures for a year, inside its tenant transaction: three statements whatever
 * the number of ventures. Everything is as of the year's end, so a year's report does not change
 * when later facts are recorded: a venture counts as created when formalised (in the year, or up to
 * its end); jobs are each venture's latest count up to the year's end, unless it was abandoned by
 * then; survival counts the checks made by then, for ventures exited by then.
 */
export async function computeIncubatorFigures(
  tx: Tx,
  year: number,
  tenant: TenantRow | null,
  name: string,
): Promise<IncubatorFigures> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const { rows } = await sql<ScalarRow>`
    with latest_jobs as (
      select distinct on (j.venture_id) j.full_time, j.temporary
        from venture_jobs j
       where j.counted_on <= ${end}::date
         and not exists (select 1 from venture_event e
                          where e.tenant_id = j.tenant_id and e.venture_id = j.venture_id
                            and e.to_phase = 'ABANDONED' and e.on_date <= ${end}::date)
       order by j.venture_id, j.counted_on desc
    ),
    latest_check as (
      select distinct on (s.venture_id) s.active
        from survival_check s
        join venture v on v.tenant_id = s.tenant_id and v.id = s.venture_id
       where s.checked_on <= ${end}::date and v.exited_on <= ${end}::date
       order by s.venture_id, s.years_after_exit desc
    )
    select
      (select count(*) from venture where formalised_on between ${start}::date and ${end}::date)::int as created,
      (select count(*) from venture where formalised_on <= ${end}::date)::int as created_to_date,
      (select coalesce(sum(full_time), 0) from latest_jobs)::int as jobs_full_time,
      (select coalesce(sum(temporary), 0) from latest_jobs)::int as jobs_temporary,
      (select count(distinct f.person_id)
         from venture_funding vf
         join venture_founder f on f.tenant_id = vf.tenant_id and f.venture_id = vf.venture_id
        where vf.received_on between ${start}::date and ${end}::date)::int as people_financed,
      (select coalesce(sum(amount_mad), 0) from venture_funding
        where received_on between ${start}::date and ${end}::date) as funding_mad,
      (select count(*) from coaching_session
        where held_on between ${start}::date and ${end}::date)::int as coaching_sessions,
      (select coalesce(sum(minutes), 0) from coaching_session
        where held_on between ${start}::date and ${end}::date)::int as coaching_minutes,
      (select count(*) from latest_check)::int as survival_checked,
      (select count(*) from latest_check where active)::int as survival_active
  `.execute(tx);
  const scalars = rows[0]!;

  // Due for year k: exited at least k years before the year's end (29 February + 1 year = 28).
  const survival = await sql<{ k: number; due: number; checked: number; active: number }>`
    select k.k,
           count(v.id)::int as due,
           count(s.id)::int as checked,
           (count(s.id) filter (where s.active))::int as active
      from generate_series(1, ${SURVIVAL_YEARS}::int) as k(k)
      left join venture v
             on v.phase = 'EXITED' and (v.exited_on + make_interval(years => k.k))::date <= ${end}::date
      left join survival_check s
             on s.tenant_id = v.tenant_id and s.venture_id = v.id and s.years_after_exit = k.k
            and s.checked_on <= ${end}::date
     group by k.k
     order by k.k`.execute(tx);

  // Where each cohort's ventures stand now.
  const cohorts = await tx
    .selectFrom('cohort as c')
    .innerJoin('venture as v', (join) =>
      join.onRef('v.tenant_id', '=', 'c.tenant_id').onRef('v.cohort_id', '=', 'c.id'),
    )
    .selectAll('c')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('v.phase', '=', 'SELECTION').as('n_selection'),
      eb.fn.countAll<number>().filterWhere('v.phase', '=', 'INCUBATION').as('n_incubation'),
      eb.fn.countAll<number>().filterWhere('v.phase', '=', 'POST_INCUBATION').as('n_post_incubation'),
      eb.fn.countAll<number>().filterWhere('v.phase', '=', 'EXITED').as('n_exited'),
      eb.fn.countAll<number>().filterWhere('v.phase', '=', 'ABANDONED').as('n_abandoned'),
    ])
    .groupBy(['c.tenant_id', 'c.id'])
    .orderBy('c.starts_on')
    .orderBy('c.label')
    .execute();

  return {
    tenant,
    name,
    venturesCreated: scalars.created,
    venturesCreatedToDate: scalars.created_to_date,
    jobsFullTime: scalars.jobs_full_time,
    jobsTemporary: scalars.jobs_temporary,
    jobs: scalars.jobs_full_time + scalars.jobs_temporary,
    peopleFinanced: scalars.people_financed,
    fundingMad: Number(scalars.funding_mad),
    coachingSessions: scalars.coaching_sessions,
    coachingHours: scalars.coaching_minutes / 60,
    survivalRate: ratio(scalars.survival_active, scalars.survival_checked),
    survivalChecked: scalars.survival_checked,
    survivalActive: scalars.survival_active,
    survival: survival.rows.map((r) => ({
      yearsAfterExit: r.k,
      due: r.due,
      checked: r.checked,
      active: r.active,
      rate: ratio(r.active, r.checked),
    })),
    cohorts: cohorts.map(
      ({ n_selection, n_incubation, n_post_incubation, n_exited, n_abandoned, ...cohort }) => ({
        cohort,
        label: cohort.label,
        selection: Number(n_selection),
        incubation: Number(n_incubation),
        postIncubation: Number(n_post_incubation),
        exited: Number(n_exited),
        abandoned: Number(n_abandoned),
      }),
    ),
  };
}

/**
 * The network's figures: sums of the centres' counts, rates recomputed from the summed parts.
 * Cohorts are a centre's own (« Cohorte 5 » of Fès is not that of Casablanca), so the total lists none.
 */
export function addUp(name: string, centres: readonly IncubatorFigures[]): IncubatorFigures {
  const sum = (pick: (f: IncubatorFigures) => number) => centres.reduce((total, f) => total + pick(f), 0);
  const survivalChecked = sum((f) => f.survivalChecked);
  const survivalActive = sum((f) => f.survivalActive);
  return {
    tenant: null,
    name,
    venturesCreated: sum((f) => f.venturesCreated),
    venturesCreatedToDate: sum((f) => f.venturesCreatedToDate),
    jobsFullTime: sum((f) => f.jobsFullTime),
    jobsTemporary: sum((f) => f.jobsTemporary),
    jobs: sum((f) => f.jobs),
    peopleFinanced: sum((f) => f.peopleFinanced),
    fundingMad: Math.round(sum((f) => f.fundingMad) * 100) / 100,
    coachingSessions: sum((f) => f.coachingSessions),
    coachingHours: sum((f) => f.coachingHours),
    survivalRate: ratio(survivalActive, survivalChecked),
    survivalChecked,
    survivalActive,
    survival: Array.from({ length: SURVIVAL_YEARS }, (_, i) => {
      const at = (f: IncubatorFigures) => f.survival[i]!;
      const checked = sum((f) => at(f).checked);
      const active = sum((f) => at(f).active);
      return {
        yearsAfterExit: i + 1,
        due: sum((f) => at(f).due),
        checked,
        active,
        rate: ratio(active, checked),
      };
    }),
    cohorts: [],
  };
}

export interface IncubatorIndicators {
  year: number;
  scope: ReportScope;
  centres: IncubatorFigures[];
  total: IncubatorFigures;
}

/**
 * A year's incubator indicators: the current centre's, or (NETWORK, network admins) every
 * incubator of the network, each computed in its own tenant transaction, then added up.
 */
export async function incubatorIndicators(
  ctx: Context,
  year: number,
  scope: ReportScope = 'TENANT',
): Promise<IncubatorIndicators> {
  checkYear(year);
  if (scope === 'NETWORK') {
    const { actor, centres } = await networkCentres(ctx, 'incubator-indicators', ['INCUBATOR']);
    const figures: IncubatorFigures[] = [];
    // One centre after the other: each in its own transaction, never two tenants in one query.
    for (const centre of centres)
      figures.push(
        await withTenant(ctx.deps.db, centre.id, (tx) =>
          computeIncubatorFigures(tx, year, centre, centre.name),
        ),
      );
    const here = (await tenantsByIds(ctx.deps.db, [actor.tenantId])).get(actor.tenantId)!;
    const network = (await networksByIds(ctx.deps.db, [here.network_id])).get(here.network_id);
    return { year, scope, centres: figures, total: addUp(network?.name ?? 'Total', figures) };
  }
  if (scope !== 'TENANT') throw new UserError('INVALID_INPUT', 'scope');
  const actor = await requireMember(ctx, INDICATOR_READERS);
  const tenant = (await tenantsByIds(ctx.deps.db, [actor.tenantId])).get(actor.tenantId)!;
  const centre = await withTenant(ctx.deps.db, tenant.id, (tx) =>
    computeIncubatorFigures(tx, year, tenant, tenant.name),
  );
  return { year, scope, centres: [centre], total: { ...centre, tenant: null } };
}

import { sql } from 'kysely';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type { OutcomeStatus, ReportScope } from '../../graphql/generated/resolvers.js';
import { groupBy } from '../../lib/group-by.js';
import { checkYear } from '../../lib/year.js';
import { requireMember } from '../identity/access.js';
import { networkCentres } from '../tenancy/network.js';
import { type TenantRow, tenantsByIds } from '../tenancy/service.js';
import { READERS } from './reads.js';
import { NOT_INTEGRATED, STATUSES, WAVES } from './waves.js';

/**
 * One line of integration figures (see IntegrationFigures in schema.graphql): every count comes
 * from `graduates` and `byStatus`, so lines of several centres add up by adding those two.
 */
export interface IntegrationFigures {
  key: string;
  labelAr: string | null;
  graduates: number;
  surveyed: number;
  notSurveyed: number;
  unreachable: number;
  reached: number;
  integrated: number;
  rate: number | null;
  byStatus: { status: OutcomeStatus; count: number }[];
}

export interface IntegrationBreakdowns {
  total: IntegrationFigures;
  byTrade: IntegrationFigures[];
  byCohort: IntegrationFigures[];
  bySex: IntegrationFigures[];
  byWave: IntegrationFigures[];
}

export interface IntegrationReport extends IntegrationBreakdowns {
  year: number | null;
  wave: number | null;
  scope: ReportScope;
  byCentre: IntegrationFigures[];
}

/** A line from its graduates and their count per status (statuses not listed: none). */
export function figures(
  key: string,
  labelAr: string | null,
  graduates: number,
  counts: ReadonlyMap<string, number>,
): IntegrationFigures {
  const byStatus = STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }));
  const surveyed = byStatus.reduce((sum, s) => sum + s.count, 0);
  const unreachable = counts.get('UNREACHABLE') ?? 0;
  const reached = surveyed - unreachable;
  const integrated = byStatus
    .filter((s) => !NOT_INTEGRATED.includes(s.status))
    .reduce((sum, s) => sum + s.count, 0);
  return {
    key,
    labelAr,
    graduates,
    surveyed,
    notSurveyed: graduates - surveyed,
    unreachable,
    reached,
    integrated,
    rate: reached === 0 ? null : integrated / reached,
    byStatus,
  };
}

/** Several lines (of several centres) as one. */
export function addFigures(
  key: string,
  labelAr: string | null,
  lines: readonly IntegrationFigures[],
): IntegrationFigures {
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (const s of line.byStatus) counts.set(s.status, (counts.get(s.status) ?? 0) + s.count);
  }
  return figures(
    key,
    labelAr,
    lines.reduce((sum, l) => sum + l.graduates, 0),
    counts,
  );
}

interface GroupRow {
  dimension: 'TOTAL' | 'TRADE' | 'COHORT' | 'SEX' | 'WAVE';
  key: string;
  label_ar: string | null;
  /** Cohorts sort by start day, waves by months. */
  sort_key: string | null;
  status: OutcomeStatus | null;
  n: number;
}

/**
 * A centre's integration figures, every breakdown in one statement whatever the number of
 * graduates. Graduates are the graduations of the cohorts starting in `year` (all when null). Per
 * graduate the wave `wave` counts, or without one their latest answered wave; the WAVE breakdown
 * takes each wave on its own. A read-only aggregation over the graduation, enrollment, cohort,
 * programme, trade and person tables beside this module's outcome table.
 */
export async function computeIntegration(
  tx: Tx,
  options: { year: number | null; wave: number | null },
): Promise<IntegrationBreakdowns> {
  const { year, wave } = options;
  const { rows } = await sql<GroupRow>`
    with grads as (
      select g.tenant_id, g.id, p.sex, t.code as trade_code, t.name_ar as trade_ar,
             c.id as cohort_id, c.label as cohort_label, c.starts_on
        from graduation g
        join enrollment e on e.tenant_id = g.tenant_id and e.id = g.enrollment_id
        join cohort c on c.tenant_id = e.tenant_id and c.id = e.cohort_id
        join programme pr on pr.tenant_id = c.tenant_id and pr.id = c.programme_id
        join trade t on t.tenant_id = pr.tenant_id and t.id = pr.trade_id
        join person p on p.tenant_id = e.tenant_id and p.id = e.person_id
       where ${year}::int is null
          or (c.starts_on >= make_date(${year}::int, 1, 1) and c.starts_on < make_date(${year}::int + 1, 1, 1))
    ),
    chosen as (
      select gr.*,
             (select o.status from outcome o
               where o.tenant_id = gr.tenant_id and o.graduation_id = gr.id and o.status is not null
                 and (${wave}::int is null or o.months_after_graduation = ${wave}::int)
               order by o.months_after_graduation desc
               limit 1) as status
        from grads gr
    ),
    waves as (
      select w.months, o.status
        from grads gr
        cross join unnest(${sql.raw(`array[${WAVES.join(', ')}]`)}::int[]) as w(months)
        left join outcome o
          on o.tenant_id = gr.tenant_id and o.graduation_id = gr.id and o.months_after_graduation = w.months
    )
    select 'TOTAL' as dimension, 'TOTAL' as key, null as label_ar, null as sort_key, status, count(*)::int as n
      from chosen group by status
    union all
    select 'TRADE', trade_code, trade_ar, null, status, count(*)::int
      from chosen group by trade_code, trade_ar, status
    union all
    select 'COHORT', cohort_label, null, starts_on::text, status, count(*)::int
      from chosen group by cohort_id, cohort_label, starts_on, status
    union all
    select 'SEX', sex, null, null, status, count(*)::int
      from chosen group by sex, status
    union all
    select 'WAVE', months::text, null, lpad(months::text, 2, '0'), status, count(*)::int
      from waves group by months, status`.execute(tx);

  const lines = (dimension: GroupRow['dimension']) => {
    const groups = groupBy(
      rows.filter((r) => r.dimension === dimension),
      (row) => `${row.sort_key ?? ''}\u0000${row.key}`,
    );
    return [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, group]) =>
        figures(
          group[0]!.key,
          group[0]!.label_ar,
          group.reduce((sum, r) => sum + r.n, 0),
          new Map(group.filter((r) => r.status !== null).map((r) => [r.status!, r.n])),
        ),
      );
  };
  const byWave = lines('WAVE');
  return {
    total: lines('TOTAL')[0] ?? figures('TOTAL', null, 0, new Map()),
    // Trades by size, the biggest first, as the report lists them.
    byTrade: lines('TRADE').sort((a, b) => b.graduates - a.graduates || a.key.localeCompare(b.key)),
    byCohort: lines('COHORT'),
    bySex: lines('SEX'),
    // Every wave is listed, even before any graduate.
    byWave: WAVES.map(
      (months) =>
        byWave.find((line) => line.key === String(months)) ?? figures(String(months), null, 0, new Map()),
    ),
  };
}

/** The centre's figures as one line of a breakdown by centre. */
export const centreLine = (centre: Pick<TenantRow, 'name' | 'name_ar'>, total: IntegrationFigures) => ({
  ...total,
  key: centre.name,
  labelAr: centre.name_ar,
});

function checkWave(wave: number | null | undefined): number | null {
  if (wave == null) return null;
  if (!(WAVES as readonly number[]).includes(wave)) throw new UserError('INVALID_INPUT', 'wave');
  return wave;
}

/** Centres a report covers: the current one, or (NETWORK) every craft centre the caller administers. */
export async function reportCentres(ctx: Context, scope: ReportScope, purpose: string): Promise<TenantRow[]> {
  if (scope === 'NETWORK') return (await networkCentres(ctx, purpose, ['CRAFT_CENTRE'])).centres;
  if (scope !== 'TENANT') throw new UserError('INVALID_INPUT', 'scope');
  const actor = await requireMember(ctx, READERS);
  return [(await tenantsByIds(ctx.deps.db, [actor.tenantId])).get(actor.tenantId)!];
}

/**
 * Lines of several centres added up by key: trades and sexes mean the same everywhere (cohorts are
 * a centre's own and are not added up; waves are added wave by wave).
 */
function addByKey(parts: readonly IntegrationFigures[][]) {
  return [...groupBy(parts.flat(), (line) => line.key).entries()].map(([key, lines]) =>
    addFigures(key, lines[0]!.labelAr, lines),
  );
}

/** The integration query: per centre in its own transaction, then added up (never a cross-tenant query). */
export async function integrationReport(
  ctx: Context,
  args: { year?: number | null; wave?: number | null; scope?: ReportScope | null },
): Promise<IntegrationReport> {
  const scope = args.scope ?? 'TENANT';
  const year = checkYear(args.year);
  const wave = checkWave(args.wave);
  const centres = await reportCentres(ctx, scope, 'integration');
  const perCentre = [];
  for (const centre of centres) {
    const breakdowns = await withTenant(ctx.deps.db, centre.id, (tx) =>
      computeIntegration(tx, { year, wave }),
    );
    perCentre.push({ centre, breakdowns });
  }
  const many = scope === 'NETWORK';
  const all = perCentre.map((c) => c.breakdowns);
  const byTrade = addByKey(all.map((b) => b.byTrade)).sort(
    (a, b) => b.graduates - a.graduates || a.key.localeCompare(b.key),
  );
  const byCohort = many
    ? perCentre.flatMap(({ centre, breakdowns }) =>
        breakdowns.byCohort.map((line) => ({ ...line, key: `${line.key} — ${centre.city}` })),
      )
    : (all[0]?.byCohort ?? []);
  return {
    year,
    wave,
    scope,
    total: addFigures(
      'TOTAL',
      null,
      all.map((b) => b.total),
    ),
    byCentre: perCentre.map(({ centre, breakdowns }) => centreLine(centre, breakdowns.total)),
    byTrade,
    byCohort,
    bySex: addByKey(all.map((b) => b.bySex)).sort((a, b) => a.key.localeCompare(b.key)),
    byWave: WAVES.map((months) =>
      addFigures(
        String(months),
        null,
        all.map((b) => b.byWave.find((l) => l.key === String(months))!),
      ),
    ),
  };
}

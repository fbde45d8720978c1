import { sql } from 'kysely';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import type { ExportFormat } from '../../graphql/generated/resolvers.js';
import { checkYear } from '../../lib/year.js';
import { requireMember } from '../identity/access.js';
import { READERS } from '../people/scope.js';
import { type ExportFile, toCsv, toXlsx } from './export.js';

export interface Figures {
  trainings: number;
  trainingDays: number;
  participants: number;
  participations: number;
  trainingsPerParticipant: number | null;
  completed: number;
}

export interface Change {
  trainings: number | null;
  trainingDays: number | null;
  participants: number | null;
  participations: number | null;
}

export interface LineFigures {
  key: string;
  figures: Figures;
  previous: Figures;
  change: Change;
}

export interface Indicators {
  year: number;
  total: LineFigures;
  byTrainingLine: LineFigures[];
  bySex: LineFigures[];
  byAudience: LineFigures[];
  byCity: LineFigures[];
  byMode: LineFigures[];
}

export const BREAKDOWNS = ['byTrainingLine', 'bySex', 'byAudience', 'byCity', 'byMode'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** What an online course shows under "city". */
export const E_LEARNING_CITY = 'E-learning';

export async function trainingIndicators(ctx: Context, year: number): Promise<Indicators> {
  const actor = await requireMember(ctx, READERS);
  checkYear(year);
  return withTenant(ctx.deps.db, actor.tenantId, (tx) => computeTrainingIndicators(tx, year));
}

export async function exportTrainingIndicators(
  ctx: Context,
  year: number,
  format: ExportFormat,
): Promise<ExportFile> {
  const indicators = await trainingIndicators(ctx, year);
  return format === 'XLSX' ? toXlsx(indicators) : toCsv(indicators);
}

interface GroupRow {
  year: number;
  dimension: 'TOTAL' | Breakdown;
  key: string | null;
  trainings: number;
  /** numeric sums come back from pg as strings. */
  course_days: string | null;
  sex_days: string | null;
  participants: number;
  participations: number;
  completed: number;
}

/**
 * The year's figures and the previous year's, every breakdown at once: one statement whatever the
 * number of courses. Each course counts in the year of its first session; each registration row is
 * joined to its course, so a course's days are summed once per group through the `first_in_*`
 * flags (once per course for course attributes, once per course and sex for the sex breakdown,
 * where a course counts for every sex that attended it).
 */
export async function computeTrainingIndicators(tx: Tx, year: number): Promise<Indicators> {
  const from = `${year - 1}-01-01`;
  const until = `${year + 1}-01-01`;
  const { rows } = await sql<GroupRow>`
    with spans as (
      select tenant_id, course_id, min(day) as first_day, sum(days) as days
        from course_session
       group by tenant_id, course_id
      having min(day) >= ${from}::date and min(day) < ${until}::date
    ),
    courses as (
      select c.tenant_id, c.id, extract(year from s.first_day)::int as year, s.days, c.training_line, c.audience,
             coalesce(c.city, ${E_LEARNING_CITY}) as city, c.mode
        from course c
        join spans s on s.tenant_id = c.tenant_id and s.course_id = c.id
       where c.status <> 'CANCELLED'
    ),
    attended as (
      select c.*, r.person_id, r.status, p.sex,
             row_number() over (partition by c.id) = 1 as first_in_course,
             row_number() over (partition by c.id, p.sex) = 1 as first_in_course_sex
        from courses c
        left join registration r
               on r.tenant_id = c.tenant_id and r.course_id = c.id and r.status in ('REGISTERED', 'COMPLETED')
        left join person p on p.tenant_id = r.tenant_id and p.id = r.person_id
    )
    select year,
           case when grouping(training_line) = 0 then 'byTrainingLine'
                when grouping(sex) = 0 then 'bySex'
                when grouping(audience) = 0 then 'byAudience'
                when grouping(city) = 0 then 'byCity'
                when grouping(mode) = 0 then 'byMode'
                else 'TOTAL' end as dimension,
           coalesce(training_line, sex, audience, city, mode) as key,
           count(distinct id)::int as trainings,
           sum(days) filter (where first_in_course) as course_days,
           sum(days) filter (where first_in_course_sex) as sex_days,
           count(distinct person_id)::int as participants,
           count(person_id)::int as participations,
           count(*) filter (where status = 'COMPLETED')::int as completed
      from attended
     group by grouping sets ((year), (year, training_line), (year, sex), (year, audience), (year, city), (year, mode))
  `.execute(tx);

  const total = { current: empty(), previous: empty() };
  const groups = new Map<Breakdown, Map<string, { current: Figures; previous: Figures }>>(
    BREAKDOWNS.map((b) => [b, new Map()]),
  );
  for (const row of rows) {
    // Courses nobody attended have no sex: they count for every other breakdown, not this one.
    if (row.dimension === 'bySex' && row.key === null) continue;
    const figures = toFigures(row);
    let slot = total;
    if (row.dimension !== 'TOTAL') {
      const byKey = groups.get(row.dimension)!;
      const key = row.key ?? '';
      slot = byKey.get(key) ?? { current: empty(), previous: empty() };
      byKey.set(key, slot);
    }
    if (row.year === year) slot.current = figures;
    else slot.previous = figures;
  }

  const lines = (breakdown: Breakdown) =>
    [...groups.get(breakdown)!.entries()]
      .map(([key, slot]) => line(key, slot))
      .sort((a, b) => b.figures.participants - a.figures.participants || compareKeys(a.key, b.key));
  return {
    year,
    total: line('Total', total),
    byTrainingLine: lines('byTrainingLine'),
    bySex: lines('bySex'),
    byAudience: lines('byAudience'),
    byCity: lines('byCity'),
    byMode: lines('byMode'),
  };
}

function toFigures(row: GroupRow): Figures {
  const days = row.dimension === 'bySex' ? row.sex_days : row.course_days;
  return {
    trainings: row.trainings,
    trainingDays: Number(days ?? 0),
    participants: row.participants,
    participations: row.participations,
    trainingsPerParticipant: row.participants > 0 ? row.participations / row.participants : null,
    completed: row.completed,
  };
}

function empty(): Figures {
  return {
    trainings: 0,
    trainingDays: 0,
    participants: 0,
    participations: 0,
    trainingsPerParticipant: null,
    completed: 0,
  };
}

function line(key: string, slot: { current: Figures; previous: Figures }): LineFigures {
  const change = (field: keyof Change) => {
    const before = slot.previous[field];
    return before === 0 ? null : (slot.current[field] - before) / before;
  };
  return {
    key,
    figures: slot.current,
    previous: slot.previous,
    change: {
      trainings: change('trainings'),
      trainingDays: change('trainingDays'),
      participants: change('participants'),
      participations: change('participations'),
    },
  };
}

// Locale-independent, so the order is the same on every server.
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

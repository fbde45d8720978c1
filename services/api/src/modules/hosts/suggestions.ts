import type { HostRow } from '../../db/rows.js';
import { withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type { QueryHostSuggestionsArgs } from '../../graphql/generated/resolvers.js';
import { isUuid } from '../../lib/ids.js';
import { provinceDistance } from '../../lib/provinces.js';
import { addDays, daysBetween, isoWeekday } from '../../lib/time.js';
import { getEnrollment } from '../enrollment/service.js';
import { requireMember } from '../identity/access.js';
import { READERS } from '../people/scope.js';
import { peopleByIds } from '../people/service.js';
import { dailyLoad } from '../placements/service.js';
import { cohortsByIds, programmesByIds } from '../programmes/service.js';

export interface HostSuggestion {
  host: HostRow;
  freePlaces: number;
  distance: 0 | 1 | 2;
}

/** Only a trainee who holds a place in the cohort can be placed. */
const PLACEABLE = ['ADMITTED', 'ENROLLED'];

function checkWeekdays(value: readonly number[]): number[] {
  if (
    value.length === 0 ||
    value.some((d) => !Number.isInteger(d) || d < 1 || d > 7) ||
    new Set(value).size !== value.length
  )
    throw new UserError('INVALID_INPUT', 'weekdays');
  return [...value].sort((a, b) => a - b);
}

/**
 * Hosts that could take this trainee from `startsOn` to `endsOn` on `weekdays` (the programme's
 * practice days by default): the cohort's trade, active, with at least one place free on the
 * busiest of the wanted days. Nearest first (the trainee's province, then region), then the
 * roomiest, then by name. Staff only: it shows every host's load.
 */
export async function hostSuggestions(
  ctx: Context,
  args: QueryHostSuggestionsArgs,
): Promise<HostSuggestion[]> {
  const actor = await requireMember(ctx, READERS);
  if (!isUuid(args.enrollmentId)) throw new UserError('NOT_FOUND', 'enrollmentId');
  if (args.startsOn > args.endsOn) throw new UserError('INVALID_DATE', 'endsOn');
  const asked = args.weekdays == null ? null : checkWeekdays(args.weekdays);
  const enrollment = await getEnrollment(ctx, args.enrollmentId);
  if (!enrollment) throw new UserError('NOT_FOUND', 'enrollmentId');
  if (!PLACEABLE.includes(enrollment.status)) throw new UserError('NOT_ENROLLED', 'enrollmentId');

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const cohort = (await cohortsByIds(tx, [enrollment.cohort_id])).get(enrollment.cohort_id)!;
    const programme = (await programmesByIds(tx, [cohort.programme_id])).get(cohort.programme_id)!;
    const person = (await peopleByIds(tx, [enrollment.person_id])).get(enrollment.person_id);
    // A placement lives inside its cohort's year; suggesting beyond it would only lead to a refusal.
    if (args.startsOn < cohort.starts_on) throw new UserError('OUTSIDE_COHORT_DATES', 'startsOn');
    if (args.endsOn > cohort.ends_on) throw new UserError('OUTSIDE_COHORT_DATES', 'endsOn');
    const weekdays = asked ?? programme.practice_weekdays;
    // Dates with none of the wanted weekdays in them ask for no day at all.
    const firstWeek = Array.from(
      { length: Math.min(7, daysBetween(args.startsOn, args.endsOn) + 1) },
      (_, i) => isoWeekday(addDays(args.startsOn, i)),
    );
    if (!firstWeek.some((d) => weekdays.includes(d))) throw new UserError('INVALID_INPUT', 'weekdays');

    const hosts = await tx
      .selectFrom('host')
      .selectAll()
      .where('trade_id', '=', programme.trade_id)
      .where('status', '=', 'ACTIVE')
      .execute();
    const loads = await dailyLoad(
      tx,
      hosts.map((h) => h.id),
      args.startsOn,
      args.endsOn,
    );

    const suggestions: HostSuggestion[] = [];
    for (const host of hosts) {
      const days = (loads.get(host.id) ?? []).filter((d) => weekdays.includes(isoWeekday(d.day)));
      const freePlaces = host.capacity - Math.max(0, ...days.map((d) => d.confirmed));
      if (freePlaces >= 1)
        suggestions.push({ host, freePlaces, distance: provinceDistance(host.province, person?.province) });
    }
    return suggestions.sort(
      (a, b) =>
        a.distance - b.distance ||
        b.freePlaces - a.freePlaces ||
        a.host.name.localeCompare(b.host.name, 'fr') ||
        a.host.id.localeCompare(b.host.id),
    );
  });
}

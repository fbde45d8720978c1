import type { Database } from '../../db/connect.js';
import type { CalendarFeedRow, ClassSessionRow, CohortRow, EnrollmentRow, HostRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type {
  CreateCalendarFeedInput,
  RevokeCalendarFeedInput,
  Role,
} from '../../graphql/generated/resolvers.js';
import { isUuid, newId } from '../../lib/ids.js';
import { addDays, isoWeekday, todayIn, toInstant } from '../../lib/time.js';
import { recordAudit } from '../audit/service.js';
import { enrollmentsOfPeople } from '../enrollment/service.js';
import { hostsByIds } from '../hosts/service.js';
import { type Actor, holdsAny, requireMember } from '../identity/access.js';
import { WRITERS } from '../people/scope.js';
import { peopleByIds } from '../people/service.js';
import { cohortsByIds } from '../programmes/service.js';
import { type TenantRow, tenantsByIds } from '../tenancy/service.js';
import { type ExpectedSlot, expectedSlots } from '../timetable/expected.js';
import { sessionPlace } from '../timetable/place.js';
import { sessionsByIds } from '../timetable/service.js';
import { type IcsEvent, renderCalendar } from './ics.js';
import { feedPath, newFeedToken, parseFeedToken } from './token.js';

/** Staff who may make and revoke a feed for any trainee of the centre. */
const STAFF: readonly Role[] = WRITERS;
const MAKERS: readonly Role[] = [...WRITERS, 'TRAINEE'];

/** The window a feed shows: a month back (what just happened) and half a year ahead. */
export const FEED_DAYS_BEFORE = 30;
export const FEED_DAYS_AFTER = 180;

// ---------------------------------------------------------------------------------------------
// Feeds: made, revoked and listed through GraphQL
// ---------------------------------------------------------------------------------------------

/**
 * A new feed for a trainee: a trainee for their own person record, staff for anyone of the
 * centre. The URL carries the secret and is returned this once; only its hash is kept.
 */
export async function createCalendarFeed(
  ctx: Context,
  input: CreateCalendarFeedInput,
): Promise<{ feed: CalendarFeedRow; url: string }> {
  const actor = await requireMember(ctx, MAKERS);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const personId = await feedPerson(tx, actor, input.personId ?? null);
    const { token, hash } = newFeedToken(actor.tenantId);
    const feed = await tx
      .insertInto('calendar_feed')
      .values({ tenant_id: actor.tenantId, id: newId(), person_id: personId, token_hash: hash })
      .returningAll()
      .executeTakeFirstOrThrow();
    // Never the token, not even a part of it: the audit trail is read by more people than the trainee.
    await recordAudit(tx, actor, {
      action: 'calendar_feed.created',
      entityType: 'calendar_feed',
      entityIds: [feed.id, personId],
    });
    return { feed, url: feedPath(token) };
  });
}

/** The feed's URL stops working at once. Its owner or staff; anyone else is told it does not exist. */
export async function revokeCalendarFeed(
  ctx: Context,
  input: RevokeCalendarFeedInput,
): Promise<{ feed: CalendarFeedRow }> {
  const actor = await requireMember(ctx);
  if (!isUuid(input.id)) throw new UserError('NOT_FOUND', 'id');
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const current = await tx
      .selectFrom('calendar_feed')
      .selectAll()
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current || !(isStaff(actor) || (await ownPersonIds(tx, actor)).includes(current.person_id))) {
      throw new UserError('NOT_FOUND', 'id');
    }
    // Revoking twice changes nothing and records nothing.
    if (current.revoked_at) return { feed: current };
    const feed = await tx
      .updateTable('calendar_feed')
      .set({ revoked_at: new Date() })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'calendar_feed.revoked',
      entityType: 'calendar_feed',
      entityIds: [feed.id, feed.person_id],
    });
    return { feed };
  });
}

/** The signed-in person's own feeds, newest first, revoked ones included (their URLs never). */
export async function myCalendarFeeds(ctx: Context): Promise<CalendarFeedRow[]> {
  const actor = await requireMember(ctx);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const personIds = await ownPersonIds(tx, actor);
    if (personIds.length === 0) return [];
    return tx
      .selectFrom('calendar_feed')
      .selectAll()
      .where('person_id', 'in', personIds)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  });
}

function isStaff(actor: Actor): boolean {
  return holdsAny(actor, STAFF);
}

/** The (unmerged) person records linked to the caller's account in this centre. */
async function ownPersonIds(tx: Tx, actor: Actor): Promise<string[]> {
  const rows = await tx
    .selectFrom('person')
    .select('id')
    .where('user_id', '=', actor.userId)
    .where('merged_into_id', 'is', null)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.id);
}

/** Whose feed the caller may make: their own record, or (staff) any unmerged person of the centre. */
async function feedPerson(tx: Tx, actor: Actor, personId: string | null): Promise<string> {
  const own = await ownPersonIds(tx, actor);
  if (personId === null) {
    if (own[0]) return own[0];
    throw new UserError('NOT_FOUND', 'personId');
  }
  if (own.includes(personId)) return personId;
  // A trainee learns nothing about other records, not even whether the id exists.
  if (!isStaff(actor)) throw new UserError('FORBIDDEN', 'personId');
  const person = isUuid(personId) ? (await peopleByIds(tx, [personId])).get(personId) : undefined;
  if (!person || person.merged_into_id) throw new UserError('NOT_FOUND', 'personId');
  return person.id;
}

// ---------------------------------------------------------------------------------------------
// The feed itself, for the public route (no login: the token is the only key)
// ---------------------------------------------------------------------------------------------

/**
 * The iCalendar text of the feed a token opens, or null when it opens none. Unknown tokens, tokens
 * under another tenant's id and revoked ones go through the very same queries (the revocation is
 * part of the lookup), so neither the answer nor its timing tells which part was wrong; malformed
 * ones are turned away before any query (their shape is no secret). A fixed number of statements
 * whatever the number of sessions.
 */
export async function renderFeed(
  db: Database,
  token: string,
  now: Date = new Date(),
): Promise<string | null> {
  const parsed = parseFeedToken(token);
  if (!parsed) return null;
  const { tenantId, hash } = parsed;
  const [tenants, feed] = await Promise.all([
    tenantsByIds(db, [tenantId]),
    withTenant(db, tenantId, (tx) =>
      tx
        .selectFrom('calendar_feed')
        .select('person_id')
        .where('token_hash', '=', hash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst(),
    ),
  ]);
  const tenant = tenants.get(tenantId);
  if (!tenant || !feed) return null;

  const today = todayIn(tenant.timezone, now);
  const window = { from: addDays(today, -FEED_DAYS_BEFORE), to: addDays(today, FEED_DAYS_AFTER) };
  const schedule = await withTenant(db, tenantId, (tx) => readSchedule(tx, feed.person_id, window));
  const arabic = tenant.locale.startsWith('ar');
  return renderCalendar({
    name: arabic ? `جدول التكوين — ${tenant.name_ar ?? tenant.name}` : `Emploi du temps — ${tenant.name}`,
    stamp: now,
    events: feedEvents(schedule, tenant, arabic ? 'ar' : 'fr'),
  });
}

export interface Schedule {
  /** The person's expected slots (not cancelled) in the window. */
  slots: ExpectedSlot[];
  sessions: Map<string, ClassSessionRow>;
  cohorts: Map<string, CohortRow>;
  hosts: Map<string, HostRow>;
}

/**
 * Everything the feed shows, in six queries at most: enrollments, expected slots, their sessions,
 * cancelled sessions, cohorts, hosts.
 */
async function readSchedule(
  tx: Tx,
  personId: string,
  window: { from: string; to: string },
): Promise<Schedule> {
  const enrollments = (await enrollmentsOfPeople(tx, [personId])).get(personId) ?? [];
  const enrollmentIds = enrollments.map((e) => e.id);
  const slots = enrollmentIds.length > 0 ? await expectedSlots(tx, { enrollmentIds, ...window }) : [];
  const [expected, cancelled] = await Promise.all([
    sessionsByIds(
      tx,
      slots.map((s) => s.session_id),
    ),
    cancelledSessionsOfCohorts(
      tx,
      enrollments.map((e) => e.cohort_id),
      window,
    ),
  ]);
  const sessionRows = [...expected.values(), ...cancelled];
  const sessions = cancelledOrExpected(slots, sessionRows, enrollments);
  const rows = [...sessions.values()];
  const [cohorts, hosts] = await Promise.all([
    cohortsByIds(
      tx,
      rows.map((s) => s.cohort_id),
    ),
    hostsByIds(
      tx,
      rows.flatMap((s) => (s.host_id ? [s.host_id] : [])),
    ),
  ]);
  return { slots, sessions, cohorts, hosts };
}

/**
 * The cancelled sessions of some cohorts in the window. The timetable module's reads leave
 * cancelled sessions out (they expect nobody); the feed shows them as cancelled.
 */
async function cancelledSessionsOfCohorts(
  tx: Tx,
  cohortIds: readonly string[],
  window: { from: string; to: string },
): Promise<ClassSessionRow[]> {
  if (cohortIds.length === 0) return [];
  return tx
    .selectFrom('class_session')
    .selectAll()
    .where('cohort_id', 'in', [...new Set(cohortIds)])
    .where('cancelled_at', 'is not', null)
    .where('day', '>=', window.from)
    .where('day', '<=', window.to)
    .execute();
}

/**
 * The sessions the feed shows: every expected one, and the cancelled ones the person would have
 * been at, so that clients which had the event show it as cancelled instead of silently losing it.
 * A cancelled session expects nobody (timetable/expected.ts), so "would have been at" is read off
 * the person's own expected sessions of the same kind around it:
 * - theory: a cancelled session of a cohort they are expected at, from their first expected day
 *   of it in the window, up to their last one (or with no end while they are still ENROLLED);
 * - practice: a cancelled day at a host where they are expected on that weekday, between their
 *   first and last expected day there.
 */
export function cancelledOrExpected(
  slots: readonly ExpectedSlot[],
  sessions: readonly ClassSessionRow[],
  enrollments: readonly EnrollmentRow[],
): Map<string, ClassSessionRow> {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const ongoing = new Set(enrollments.filter((e) => e.status === 'ENROLLED').map((e) => e.id));
  const shown = new Map<string, ClassSessionRow>();
  const spans = new Map<string, { first: string; last: string; open: boolean; weekdays: Set<number> }>();
  for (const slot of slots) {
    const session = byId.get(slot.session_id);
    if (!session) continue;
    shown.set(session.id, session);
    const key = groupKey(session);
    const span = spans.get(key) ?? {
      first: slot.day,
      last: slot.day,
      open: false,
      weekdays: new Set<number>(),
    };
    if (slot.day < span.first) span.first = slot.day;
    if (slot.day > span.last) span.last = slot.day;
    span.open ||= session.kind === 'THEORY' && ongoing.has(slot.enrollment_id);
    span.weekdays.add(isoWeekday(slot.day));
    spans.set(key, span);
  }
  for (const session of sessions) {
    if (!session.cancelled_at || shown.has(session.id)) continue;
    const span = spans.get(groupKey(session));
    if (!span || session.day < span.first || (session.day > span.last && !span.open)) continue;
    if (session.kind === 'PRACTICE' && !span.weekdays.has(isoWeekday(session.day))) continue;
    shown.set(session.id, session);
  }
  return shown;
}

function groupKey(session: ClassSessionRow): string {
  return `${session.cohort_id}|${session.kind}|${session.host_id ?? ''}`;
}

type Language = 'ar' | 'fr';

const KIND_LABELS: Record<Language, Record<string, string>> = {
  fr: {
    THEORY: 'Théorie',
    PRACTICE: 'Pratique',
    CONTINUING_EDUCATION: 'Formation continue',
    COACHING: 'Accompagnement',
  },
  ar: {
    THEORY: 'تكوين نظري',
    PRACTICE: 'تدريب تطبيقي',
    CONTINUING_EDUCATION: 'تكوين مستمر',
    COACHING: 'مواكبة',
  },
};

/** One VEVENT per session, in start order: summary in the centre's language, times as UTC instants. */
export function feedEvents(
  schedule: Schedule,
  centre: Pick<TenantRow, 'name' | 'name_ar'>,
  language: Language,
): IcsEvent[] {
  const events: IcsEvent[] = [];
  for (const session of schedule.sessions.values()) {
    const host = session.host_id ? schedule.hosts.get(session.host_id) : undefined;
    const cohort = schedule.cohorts.get(session.cohort_id);
    const hostName = host ? (language === 'ar' ? (host.name_ar ?? host.name) : host.name) : null;
    const subject = session.kind === 'PRACTICE' ? hostName : (cohort?.label ?? null);
    const kind = KIND_LABELS[language][session.kind] ?? session.kind;
    events.push({
      uid: `${session.id}@maalem`,
      // Instants in UTC (…Z) rather than local times with a TZID: a TZID needs a VTIMEZONE block
      // with the zone's rules, and most calendar clients would use their own, older zone data for
      // Africa/Casablanca anyway (still UTC+1 after 2026-09-20), showing every session an hour off.
      // A UTC instant converted with lib/time.ts's current data is right on every client.
      start: toInstant(session.day, hhmm(session.starts_at), session.timezone),
      end: toInstant(session.day, hhmm(session.ends_at), session.timezone),
      summary: subject ? `${kind} — ${subject}` : kind,
      location: sessionPlace(session, host, centre, language),
      cancelled: session.cancelled_at !== null,
    });
  }
  return events.sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
}

/** pg gives `time` columns as HH:MM:SS. */
function hhmm(time: string): string {
  return time.slice(0, 5);
}

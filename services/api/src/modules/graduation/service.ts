import type { AssessmentRow, EnrollmentRow, GraduationRow, ProgrammeRow } from '../../db/rows.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import { UserError } from '../../graphql/errors.js';
import type {
  AssessorRole,
  GraduateCohortInput,
  GraduateInput,
  GraduationBlocker,
  RecordAssessmentInput,
  Role,
  SetCompletionRulesInput,
} from '../../graphql/generated/resolvers.js';
import { isCalendarDay } from '../../graphql/schema.js';
import { isUuid, newId } from '../../lib/ids.js';
import { recordAudit } from '../audit/service.js';
import { issueCertificates } from '../certificates/issue.js';
import {
  enrollmentsByIds,
  enrollmentsOfCohort,
  graduateEnrollments,
  ownEnrollmentIds,
} from '../enrollment/service.js';
import { scheduleFollowUp } from '../followup/schedule.js';
import { type Actor, holdsAny, requireMember } from '../identity/access.js';
import { READERS, WRITERS } from '../people/scope.js';
import { peopleByIds, tenantToday } from '../people/service.js';
import { placementsOfEnrollments } from '../placements/service.js';
import { cohortsByIds, lockCohort } from '../programmes/service.js';
import { GraduationBlocked } from './blocked.js';
import { checkRules, MAX_SCORE } from './rules.js';
import { type Check, checksOf } from './standing.js';

/** Who records final assessments; instructors and host artisans only for their own part. */
const ASSESSORS: readonly Role[] = ['DIRECTOR', 'COORDINATOR', 'INSTRUCTOR', 'HOST_ARTISAN'];
/** Who graduates trainees; overriding the rules is the director's alone. */
const GRADUATORS: readonly Role[] = WRITERS;
const ASSESSOR_ROLES: readonly AssessorRole[] = ['INSTRUCTOR', 'HOST_ARTISAN'];
/** A placement that put the trainee in the workshop: the artisan saw them work. */
const PLACED = ['CONFIRMED', 'ACTIVE', 'COMPLETED'];
/** Twice the biggest cohort of the 2024 report (Marrakech: 991 trainees). */
const MAX_BATCH = 2_000;
const COMMENT_MAX = 1_000;

const isWriter = (actor: Actor) => holdsAny(actor, WRITERS);
const isStaff = (actor: Actor) => holdsAny(actor, READERS);

/** A reason as stored: trimmed; required; 2–500 characters. */
function requiredReason(raw: string | null | undefined, field: string): string {
  const reason = raw?.trim() ?? '';
  if (reason === '') throw new UserError('REASON_REQUIRED', field);
  if (reason.length < 2 || reason.length > 500) throw new UserError('INVALID_INPUT', field);
  return reason;
}

/** A day the person typed (or today by default): never in the future. */
function pastDay(value: string | null | undefined, today: string, field: string): string {
  const day = value ?? today;
  if (!isCalendarDay(day)) throw new UserError('INVALID_DATE', field);
  if (day > today) throw new UserError('DATE_IN_FUTURE', field);
  return day;
}

/** Last name, first name (Latin, as the lists sort them), then id: a total order. */
async function byName<T>(tx: Tx, items: T[], enrollmentOf: (item: T) => EnrollmentRow): Promise<T[]> {
  const people = await peopleByIds(
    tx,
    items.map((item) => enrollmentOf(item).person_id),
  );
  const key = (item: T) => {
    const person = people.get(enrollmentOf(item).person_id);
    return `${person?.last_name_latin ?? ''} ${person?.first_name_latin ?? ''}`.toLowerCase();
  };
  return items.sort(
    (a, b) => key(a).localeCompare(key(b), 'fr') || enrollmentOf(a).id.localeCompare(enrollmentOf(b).id),
  );
}

// ---------------------------------------------------------------------------------------------
// Reads

/** Every ENROLLED or GRADUATED trainee of a cohort against the rules, by name (staff). */
export async function cohortGraduation(ctx: Context, cohortId: string): Promise<Check[]> {
  const actor = await requireMember(ctx, READERS);
  if (!isUuid(cohortId)) return [];
  const today = await tenantToday(ctx, actor.tenantId);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const enrollments = await enrollmentsOfCohort(tx, cohortId, ['ENROLLED', 'GRADUATED']);
    const checks = await checksOf(tx, enrollments, today);
    return byName(tx, [...checks.values()], (check) => check.enrollment);
  });
}

/** One trainee against the rules: staff, or the trainee themselves (their own enrollment). */
export async function graduationCheck(ctx: Context, enrollmentId: string): Promise<Check> {
  const actor = await requireMember(ctx);
  if (!isUuid(enrollmentId)) throw new UserError('NOT_FOUND', 'enrollmentId');
  const today = await tenantToday(ctx, actor.tenantId);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    if (!isStaff(actor) && !(await ownEnrollmentIds(tx, actor.userId)).includes(enrollmentId))
      throw new UserError('NOT_FOUND', 'enrollmentId');
    const enrollment = (await enrollmentsByIds(tx, [enrollmentId])).get(enrollmentId);
    if (!enrollment) throw new UserError('NOT_FOUND', 'enrollmentId');
    return (await checksOf(tx, [enrollment], today)).get(enrollment.id)!;
  });
}

// ---------------------------------------------------------------------------------------------
// Assessments

export async function recordAssessment(
  ctx: Context,
  input: RecordAssessmentInput,
): Promise<{ assessment: AssessmentRow }> {
  const actor = await requireMember(ctx, ASSESSORS);
  const enrollmentId = input.enrollmentId;
  if (!isUuid(enrollmentId)) throw new UserError('NOT_FOUND', 'enrollmentId');
  if (!ASSESSOR_ROLES.includes(input.assessorRole)) throw new UserError('INVALID_INPUT', 'assessorRole');
  // An instructor gives the instructor's mark, an artisan the workshop's; staff who run the
  // centre may type either (from a paper form).
  const mayRecord = isWriter(actor) || actor.roles.includes(input.assessorRole as Role);
  if (!mayRecord) throw new UserError('FORBIDDEN', 'assessorRole');
  if (!Number.isFinite(input.score) || input.score < 0 || input.score > MAX_SCORE)
    throw new UserError('INVALID_INPUT', 'score');
  const score = Math.round(input.score * 100) / 100;
  const comment = input.comment?.trim() || null;
  if (comment !== null && comment.length > COMMENT_MAX) throw new UserError('INVALID_INPUT', 'comment');
  const today = await tenantToday(ctx, actor.tenantId);
  const assessedOn = pastDay(input.assessedOn, today, 'assessedOn');

  if (input.assessorRole === 'HOST_ARTISAN' && !isWriter(actor)) {
    // The placements module says which placements the artisan may see (those at their hosts).
    const placements = (await placementsOfEnrollments(ctx, [enrollmentId])).get(enrollmentId) ?? [];
    const own = placements.filter((p) => actor.hostIds.includes(p.host_id));
    if (own.length === 0) throw new UserError('NOT_FOUND', 'enrollmentId');
    if (!own.some((p) => PLACED.includes(p.status))) throw new UserError('FORBIDDEN', 'enrollmentId');
  }

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const enrollment = (await enrollmentsByIds(tx, [enrollmentId])).get(enrollmentId);
    if (!enrollment) throw new UserError('NOT_FOUND', 'enrollmentId');
    // A graduate's marks are what the graduation was decided on: they no longer change.
    if (enrollment.status === 'GRADUATED') throw new UserError('ALREADY_GRADUATED', 'enrollmentId');
    if (enrollment.status !== 'ENROLLED') throw new UserError('NOT_ENROLLED', 'enrollmentId');
    const cohort = (await cohortsByIds(tx, [enrollment.cohort_id])).get(enrollment.cohort_id)!;
    if (assessedOn < cohort.starts_on) throw new UserError('OUTSIDE_COHORT_DATES', 'assessedOn');

    const previous = await tx
      .selectFrom('assessment')
      .selectAll()
      .where('enrollment_id', '=', enrollmentId)
      .where('assessor_role', '=', input.assessorRole)
      .forUpdate()
      .executeTakeFirst();
    const values = {
      score: score.toFixed(2),
      comment,
      assessed_on: assessedOn,
      recorded_by: actor.userId,
      recorded_at: new Date(),
    };
    const assessment = previous
      ? await tx
          .updateTable('assessment')
          .set(values)
          .where('id', '=', previous.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await tx
          .insertInto('assessment')
          .values({
            ...values,
            tenant_id: actor.tenantId,
            id: newId(),
            enrollment_id: enrollmentId,
            assessor_role: input.assessorRole,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: previous ? 'assessment.replaced' : 'assessment.recorded',
      entityType: 'assessment',
      entityIds: [assessment.id, enrollmentId],
      data: {
        assessorRole: input.assessorRole,
        score,
        assessedOn,
        previous: previous
          ? {
              score: Number(previous.score),
              assessedOn: previous.assessed_on,
              recordedBy: previous.recorded_by,
            }
          : null,
      },
    });
    return { assessment };
  });
}

// ---------------------------------------------------------------------------------------------
// Graduation

/**
 * Everything a graduation is, in the caller's transaction: the rows, the enrollments moved to
 * GRADUATED (with their history), the certificates and the follow-up waves. Returns the
 * enrollments as they now are.
 */
async function writeGraduations(
  tx: Tx,
  actor: Actor,
  rows: {
    enrollment: EnrollmentRow;
    graduatedOn: string;
    overridden: GraduationBlocker[];
    reason: string | null;
  }[],
): Promise<{ graduations: GraduationRow[]; enrollments: Map<string, EnrollmentRow> }> {
  if (rows.length === 0) return { graduations: [], enrollments: new Map() };
  const graduations = await tx
    .insertInto('graduation')
    .values(
      rows.map((row) => ({
        tenant_id: actor.tenantId,
        id: newId(),
        enrollment_id: row.enrollment.id,
        graduated_on: row.graduatedOn,
        overridden_blockers: row.overridden.map((b) => b.code),
        override_reason: row.overridden.length > 0 ? row.reason : null,
        graduated_by: actor.userId,
      })),
    )
    .returningAll()
    .execute();
  const moved = await graduateEnrollments(
    tx,
    actor,
    rows.map((row) => row.enrollment.id),
  );
  // Someone else moved one meanwhile (the rows were read before the cohort lock was ours):
  // refuse the whole write rather than graduate a dropout.
  if (moved.length !== rows.length) throw new UserError('ALREADY_GRADUATED', 'enrollmentId');
  await issueCertificates(tx, actor.tenantId, graduations);
  await scheduleFollowUp(tx, actor.tenantId, graduations);
  return { graduations, enrollments: new Map(moved.map((e) => [e.id, e])) };
}

export async function graduate(ctx: Context, input: GraduateInput): Promise<{ graduation: GraduationRow }> {
  const actor = await requireMember(ctx, GRADUATORS);
  if (!isUuid(input.enrollmentId)) throw new UserError('NOT_FOUND', 'enrollmentId');
  const override = input.override === true;
  if (override && !actor.roles.includes('DIRECTOR')) throw new UserError('FORBIDDEN', 'override');
  const reason = override ? requiredReason(input.overrideReason, 'overrideReason') : null;
  const today = await tenantToday(ctx, actor.tenantId);
  const graduatedOn = pastDay(input.graduatedOn, today, 'graduatedOn');

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const found = (await enrollmentsByIds(tx, [input.enrollmentId])).get(input.enrollmentId);
    if (!found) throw new UserError('NOT_FOUND', 'enrollmentId');
    // One graduation of a cohort at a time (graduateCohort takes the same lock).
    const { cohort } = await lockCohort(tx, found.cohort_id);
    const enrollment = (await enrollmentsByIds(tx, [found.id])).get(found.id)!;
    if (graduatedOn < cohort.starts_on) throw new UserError('OUTSIDE_COHORT_DATES', 'graduatedOn');
    const check = (await checksOf(tx, [enrollment], today)).get(enrollment.id)!;
    if (check.graduation || enrollment.status === 'GRADUATED')
      throw new UserError('ALREADY_GRADUATED', 'enrollmentId');
    // A dropout cannot be graduated, override or not: only the rules about marks and hours bend.
    if (check.blockers.some((b) => b.code === 'NOT_ENROLLED')) throw new GraduationBlocked(check.blockers);
    if (check.blockers.length > 0 && !override) throw new GraduationBlocked(check.blockers);

    const overridden = override ? check.blockers : [];
    const { graduations } = await writeGraduations(tx, actor, [
      { enrollment, graduatedOn, overridden, reason },
    ]);
    const graduation = graduations[0]!;
    await recordAudit(tx, actor, {
      action: overridden.length > 0 ? 'graduation.overridden' : 'graduation.graduated',
      entityType: 'graduation',
      entityIds: [graduation.id, enrollment.id, enrollment.person_id, cohort.id],
      data: {
        graduatedOn,
        ...(overridden.length > 0 ? { blockers: overridden, reason } : {}),
      },
    });
    return { graduation };
  });
}

export interface BatchResult {
  enrollment: EnrollmentRow;
  graduation: GraduationRow | null;
  blockers: GraduationBlocker[];
}

/**
 * Graduates every eligible trainee of a batch and reports the others with what blocks them; never
 * overrides. The statements are the same for three trainees or three hundred (see checksOf).
 */
export async function graduateCohort(
  ctx: Context,
  input: GraduateCohortInput,
): Promise<{ graduated: number; blocked: number; results: BatchResult[] }> {
  const actor = await requireMember(ctx, GRADUATORS);
  if (!isUuid(input.cohortId)) throw new UserError('NOT_FOUND', 'cohortId');
  const only = input.enrollmentIds ? [...new Set(input.enrollmentIds)] : null;
  if (only && only.length > MAX_BATCH) throw new UserError('INVALID_INPUT', 'enrollmentIds');
  if (only?.some((id) => !isUuid(id))) throw new UserError('NOT_FOUND', 'enrollmentIds');
  const today = await tenantToday(ctx, actor.tenantId);
  const graduatedOn = pastDay(input.graduatedOn, today, 'graduatedOn');

  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const { cohort } = await lockCohort(tx, input.cohortId);
    if (graduatedOn < cohort.starts_on) throw new UserError('OUTSIDE_COHORT_DATES', 'graduatedOn');
    let enrollments: EnrollmentRow[];
    if (only) {
      const found = await enrollmentsByIds(tx, only);
      if (only.some((id) => found.get(id)?.cohort_id !== cohort.id))
        throw new UserError('NOT_FOUND', 'enrollmentIds');
      enrollments = [...found.values()];
    } else {
      enrollments = await enrollmentsOfCohort(tx, cohort.id, ['ENROLLED']);
    }
    if (enrollments.length > MAX_BATCH) throw new UserError('INVALID_INPUT', 'enrollmentIds');

    const checks = [...(await checksOf(tx, enrollments, today)).values()];
    const eligible = checks.filter((c) => c.eligible && !c.graduation);
    const written = await writeGraduations(
      tx,
      actor,
      eligible.map((c) => ({ enrollment: c.enrollment, graduatedOn, overridden: [], reason: null })),
    );
    const byEnrollment = new Map(written.graduations.map((g) => [g.enrollment_id, g]));
    if (written.graduations.length > 0) {
      await recordAudit(tx, actor, {
        action: 'graduation.batch',
        entityType: 'graduation',
        entityIds: [cohort.id, ...written.graduations.map((g) => g.id)],
        data: {
          graduatedOn,
          enrollmentIds: written.graduations.map((g) => g.enrollment_id),
          blocked: checks.length - written.graduations.length,
        },
      });
    }
    const results = checks.map((check) => {
      const graduation = byEnrollment.get(check.enrollment.id) ?? null;
      return {
        enrollment: written.enrollments.get(check.enrollment.id) ?? check.enrollment,
        graduation,
        blockers: graduation ? [] : check.blockers,
      };
    });
    return {
      graduated: written.graduations.length,
      blocked: results.length - written.graduations.length,
      results: await byName(tx, results, (r) => r.enrollment),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Completion rules

export async function setCompletionRules(
  ctx: Context,
  input: SetCompletionRulesInput,
): Promise<{ programme: ProgrammeRow }> {
  const actor = await requireMember(ctx, ['DIRECTOR']);
  if (!isUuid(input.programmeId)) throw new UserError('NOT_FOUND', 'programmeId');
  const values = checkRules(input);
  return withTenant(ctx.deps.db, actor.tenantId, async (tx) => {
    const before = await tx
      .selectFrom('programme')
      .select(['min_attendance_rate', 'min_practice_hours', 'pass_mark'])
      .where('id', '=', input.programmeId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new UserError('NOT_FOUND', 'programmeId');
    const programme = await tx
      .updateTable('programme')
      .set(values)
      .where('id', '=', input.programmeId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, actor, {
      action: 'programme.completion_rules_changed',
      entityType: 'programme',
      entityIds: [programme.id],
      data: { from: before, to: values },
    });
    return { programme };
  });
}

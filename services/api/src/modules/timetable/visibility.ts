import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Tx } from '../../db/with-tenant.js';
import { ownEnrollmentIds } from '../enrollment/service.js';
import { type Actor, holdsAny } from '../identity/access.js';
import { READERS } from '../people/scope.js';
import { expectedSlotsSql } from './expected.js';

/**
 * Who sees which sessions, and whom at them. Staff see every session and every trainee; a host
 * artisan the practice sessions at their hosts (and the trainees expected or recorded there); a
 * trainee the sessions they are expected at (and only themselves there). A person holding several
 * roles sees the union.
 */
export interface SessionAudience {
  all: boolean;
  /** Practice sessions at these hosts (HOST_ARTISAN). */
  hostIds: readonly string[];
  /** The caller's own enrollments (TRAINEE). */
  enrollmentIds: readonly string[];
}

export async function audienceOf(tx: Tx, actor: Actor): Promise<SessionAudience> {
  if (holdsAny(actor, READERS)) {
    return { all: true, hostIds: [], enrollmentIds: [] };
  }
  const hostIds = actor.roles.includes('HOST_ARTISAN') ? actor.hostIds : [];
  const enrollmentIds = actor.roles.includes('TRAINEE') ? await ownEnrollmentIds(tx, actor.userId) : [];
  return { all: false, hostIds, enrollmentIds };
}

const ids = (values: readonly string[]) => sql.val([...values]);

/**
 * The sessions (alias `s`) the audience sees. A trainee's are found through the expected slots of
 * their enrollments, narrowed to `range` when one is given (it keeps that subquery small).
 */
export function sessionVisible(
  audience: SessionAudience,
  range: { from?: string; to?: string } = {},
): RawBuilder<SqlBool> {
  if (audience.all) return sql<SqlBool>`true`;
  const either: RawBuilder<SqlBool>[] = [];
  if (audience.hostIds.length > 0) {
    either.push(sql<SqlBool>`(s.kind = 'PRACTICE' and s.host_id = any (${ids(audience.hostIds)}::uuid[]))`);
  }
  if (audience.enrollmentIds.length > 0) {
    either.push(
      sql<SqlBool>`s.id in (select x.session_id from (${expectedSlotsSql({
        enrollmentIds: audience.enrollmentIds,
        ...range,
      })}) x)`,
    );
  }
  return either.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(either, sql` or `)})`;
}

/**
 * Whether the audience sees a trainee (an enrollment column `enrollment`) at a session `s`: anyone
 * for staff, the trainees at their host's practice sessions for an artisan, oneself for a trainee.
 * Each case implies the session is one the audience sees.
 */
export function traineeVisible(
  audience: SessionAudience,
  enrollment: RawBuilder<unknown>,
): RawBuilder<SqlBool> {
  if (audience.all) return sql<SqlBool>`true`;
  const either: RawBuilder<SqlBool>[] = [];
  if (audience.hostIds.length > 0) {
    either.push(sql<SqlBool>`(s.kind = 'PRACTICE' and s.host_id = any (${ids(audience.hostIds)}::uuid[]))`);
  }
  if (audience.enrollmentIds.length > 0) {
    either.push(sql<SqlBool>`${enrollment} = any (${ids(audience.enrollmentIds)}::uuid[])`);
  }
  return either.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(either, sql` or `)})`;
}

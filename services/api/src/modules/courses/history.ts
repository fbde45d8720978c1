import { sql } from 'kysely';
import { withTenant } from '../../db/with-tenant.js';
import type { Context } from '../../graphql/context.js';
import type { PersonHistoryKind } from '../../graphql/generated/resolvers.js';
import { uniqueUuids } from '../../lib/ids.js';
import { requireMember } from '../identity/access.js';

export interface PersonHistoryEntry {
  at: Date;
  kind: PersonHistoryKind;
  title: string;
  status: string;
  refId: string;
}

/**
 * One history per person across programmes, newest first, for a whole loader batch in ONE
 * statement: enrollment events (the cohort's label), placement events (the host's name) and short
 * training registrations (the course's title, as of its last status change).
 *
 * This is the one place that reads the enrollment and placements modules' tables directly: a
 * read-only union that no service function of theirs can give in one statement. It writes nothing
 * and is limited to the people of the batch, whom the caller was already allowed to see (the
 * Person row they hang from came through the people module's visibility rules).
 */
export async function historyOfPeople(
  ctx: Context,
  personIds: readonly string[],
): Promise<Map<string, PersonHistoryEntry[]>> {
  const actor = await requireMember(ctx);
  const ids = uniqueUuids(personIds);
  const byPerson = new Map<string, PersonHistoryEntry[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byPerson;
  const list = sql.join(ids);
  const rows = await withTenant(ctx.deps.db, actor.tenantId, (tx) =>
    sql<{
      person_id: string;
      at: Date;
      kind: PersonHistoryKind;
      title: string;
      status: string;
      ref_id: string;
    }>`
      select en.person_id, ev.at, 'ENROLLMENT' as kind, co.label as title, ev.to_status as status,
             en.id as ref_id, ev.id as event_id
        from enrollment_event ev
        join enrollment en on en.tenant_id = ev.tenant_id and en.id = ev.enrollment_id
        join cohort co on co.tenant_id = en.tenant_id and co.id = en.cohort_id
       where en.person_id in (${list})
      union all
      select en.person_id, pe.at, 'PLACEMENT', h.name, pe.to_status, p.id, pe.id
        from placement_event pe
        join placement p on p.tenant_id = pe.tenant_id and p.id = pe.placement_id
        join enrollment en on en.tenant_id = p.tenant_id and en.id = p.enrollment_id
        join host h on h.tenant_id = p.tenant_id and h.id = p.host_id
       where en.person_id in (${list})
      union all
      select r.person_id, r.status_changed_at, 'COURSE', c.title_fr, r.status, r.id, r.id
        from registration r
        join course c on c.tenant_id = r.tenant_id and c.id = r.course_id
       where r.person_id in (${list})
      order by at desc, event_id desc`.execute(tx),
  );
  for (const r of rows.rows) {
    byPerson
      .get(r.person_id)
      ?.push({ at: r.at, kind: r.kind, title: r.title, status: r.status, refId: r.ref_id });
  }
  return byPerson;
}

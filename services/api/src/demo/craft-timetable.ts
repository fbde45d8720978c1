import { sql } from 'kysely';
import type { Database } from '../db/connect.js';
import { withTenant } from '../db/with-tenant.js';
import { newId } from '../lib/ids.js';
import { addDays, isoWeekday, todayIn } from '../lib/time.js';
import type { Actor } from '../modules/identity/access.js';
import { tenantsByIds } from '../modules/tenancy/service.js';
import { type ExpectedSlot, expectedSlotsSql } from '../modules/timetable/expected.js';
import { moroccanHolidays } from '../modules/timetable/holidays.js';
import { generateInTx, settingsIn } from '../modules/timetable/service.js';
import { generator } from './generate.js';

/**
 * A craft centre's holidays, the open intake's timetable (generated the way a director would),
 * and attendance taken up to last week: most trainees come, one misses most of her workshop days
 * (the ledger shows her OFF_TRACK), and this week's register is still open for the artisan.
 */
export async function seedCraftTimetable(
  owner: Database,
  tenantId: string,
  directorId: string,
  now: Date = new Date(),
): Promise<void> {
  const tenant = (await tenantsByIds(owner, [tenantId])).get(tenantId)!;
  const today = todayIn(tenant.timezone, now);
  const actor: Actor = { userId: directorId, tenantId, roles: ['DIRECTOR'], hostIds: [], requestId: 'demo' };
  await withTenant(owner, tenantId, async (tx) => {
    await tx
      .insertInto('holiday')
      .values(
        [2026, 2027].flatMap((year) =>
          moroccanHolidays(year).map((h) => ({
            tenant_id: tenantId,
            id: newId(),
            kind: 'PUBLIC_HOLIDAY',
            ...h,
          })),
        ),
      )
      .onConflict((oc) => oc.columns(['tenant_id', 'day']).doNothing())
      .execute();

    const open = await tx
      .selectFrom('cohort')
      .select('id')
      .where('starts_on', '>=', '2026-01-01')
      .executeTakeFirstOrThrow();
    await generateInTx(tx, actor, tenant, await settingsIn(tx), { cohortId: open.id });

    // Everything before this week's Monday is recorded; about one session in twelve is missed,
    // and the first trainee by name in a workshop skips three workshop days in four.
    const monday = addDays(today, 1 - isoWeekday(today));
    const { rows: slots } = await sql<ExpectedSlot>`
      select * from (${expectedSlotsSql({ cohortIds: [open.id], to: addDays(monday, -1) })}) slot
       order by slot.day, slot.session_id`.execute(tx);
    const truant = await tx
      .selectFrom('enrollment as e')
      .innerJoin('person as p', 'p.id', 'e.person_id')
      .innerJoin('placement as pl', 'pl.enrollment_id', 'e.id')
      .where('e.cohort_id', '=', open.id)
      .where('pl.status', 'in', ['CONFIRMED', 'ACTIVE'])
      .where('p.user_id', 'is', null)
      .orderBy('p.last_name_latin')
      .orderBy('p.first_name_latin')
      .select('e.id')
      .executeTakeFirst();
    const random = generator(7);
    const rows = slots.map((slot) => {
      const missed =
        (slot.kind === 'PRACTICE' && slot.enrollment_id === truant?.id && random.next() < 0.75) ||
        random.next() < 1 / 12;
      return {
        tenant_id: tenantId,
        id: newId(),
        session_id: slot.session_id,
        enrollment_id: slot.enrollment_id,
        status: missed ? 'ABSENT_UNEXCUSED' : 'PRESENT',
        hours: String(missed ? 0 : slot.hours),
        recorded_by: directorId,
      };
    });
    for (let i = 0; i < rows.length; i += 500) {
      await tx
        .insertInto('attendance')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  });
}

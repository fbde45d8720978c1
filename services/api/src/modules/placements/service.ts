import { sql } from 'kysely';
import type { Tx } from '../../db/with-tenant.js';

/** Placements that hold a place at their host on their weekdays. */
export const HOLDING_PLACE = ['CONFIRMED', 'ACTIVE'] as const;

export interface DayLoad {
  day: string;
  confirmed: number;
}

/**
 * Confirmed trainees per host and day from `from` to `to` (inclusive): a placement takes a place
 * on each day of its range that falls on one of its weekdays. One statement for all the hosts.
 */
export async function dailyLoad(
  tx: Tx,
  hostIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, DayLoad[]>> {
  const byHost = new Map<string, DayLoad[]>(hostIds.map((id) => [id, []]));
  if (hostIds.length === 0) return byHost;
  const { rows } = await sql<{ host_id: string; day: string; confirmed: number }>`
    select h.id as host_id, d.day::date::text as day, count(p.id)::int as confirmed
      from host h
      cross join generate_series(${from}::date, ${to}::date, interval '1 day') as d(day)
      left join placement p
        on p.host_id = h.id
       and p.status in ('CONFIRMED', 'ACTIVE')
       and d.day::date between p.starts_on and p.ends_on
       and extract(isodow from d.day)::smallint = any (p.weekdays)
     where h.id in (${sql.join([...new Set(hostIds)])})
     group by h.id, d.day
     order by h.id, d.day`.execute(tx);
  for (const row of rows) byHost.get(row.host_id)?.push({ day: row.day, confirmed: row.confirmed });
  return byHost;
}

import { sql } from 'kysely';
import type { Tx } from '../../db/with-tenant.js';
import type { OutcomeStatus } from '../../graphql/generated/resolvers.js';
import {
  addFigures,
  centreLine,
  computeIntegration,
  type IntegrationFigures,
} from '../followup/integration.js';
import type { TenantRow } from '../tenancy/service.js';

export interface TradeActivity {
  tradeCode: string;
  tradeFr: string;
  tradeAr: string;
  trainees: number;
  women: number;
  graduates: number;
  share: number;
}

export interface CentreActivity {
  tenant: TenantRow | null;
  name: string;
  nameAr: string | null;
  trainees: number;
  women: number;
  trainedInside: number;
  trainedOutside: number;
  graduates: number;
  graduatesWomen: number;
  byTrade: TradeActivity[];
  outcomes: { status: OutcomeStatus; count: number }[];
  integration: IntegrationFigures;
}

interface TradeRow {
  trade_code: string;
  trade_fr: string;
  trade_ar: string;
  trainees: number;
  women: number;
  inside: number;
  outside: number;
  graduates: number;
  graduates_women: number;
}

/** A placement that happened (or will): proposals and declined ones trained nobody. */
const TRAINED_AT = sql.raw(`('CONFIRMED', 'ACTIVE', 'COMPLETED', 'ENDED_EARLY')`);

/**
 * A centre's activity in training year `year` (cohorts starting in it), per trade, in one
 * statement; its integration in a second. The report reads the enrollment, person, cohort,
 * programme, trade, placement, host and graduation tables of other modules: a read-only
 * aggregation, nothing there is written or decided.
 */
export async function computeCentreActivity(
  tx: Tx,
  centre: TenantRow,
  year: number,
): Promise<CentreActivity> {
  const { rows } = await sql<TradeRow>`
    with trainees as (
      select p.sex, t.code as trade_code, t.name_fr as trade_fr, t.name_ar as trade_ar,
             exists (select 1 from placement pl
                       join host h on h.tenant_id = pl.tenant_id and h.id = pl.host_id
                      where pl.tenant_id = e.tenant_id and pl.enrollment_id = e.id
                        and pl.status in ${TRAINED_AT} and h.kind = 'IN_CENTRE') as inside,
             exists (select 1 from placement pl
                      where pl.tenant_id = e.tenant_id and pl.enrollment_id = e.id
                        and pl.status in ${TRAINED_AT}) as placed,
             exists (select 1 from graduation g
                      where g.tenant_id = e.tenant_id and g.enrollment_id = e.id) as graduated
        from enrollment e
        join cohort c on c.tenant_id = e.tenant_id and c.id = e.cohort_id
        join programme pr on pr.tenant_id = c.tenant_id and pr.id = c.programme_id
        join trade t on t.tenant_id = pr.tenant_id and t.id = pr.trade_id
        join person p on p.tenant_id = e.tenant_id and p.id = e.person_id
       where c.starts_on >= make_date(${year}::int, 1, 1) and c.starts_on < make_date(${year}::int + 1, 1, 1)
         -- A trainee was ENROLLED at some point: applicants and admitted people who never came are not.
         and (e.status in ('ENROLLED', 'GRADUATED')
              or exists (select 1 from enrollment_event v
                          where v.tenant_id = e.tenant_id and v.enrollment_id = e.id and v.to_status = 'ENROLLED'))
    )
    select trade_code, trade_fr, trade_ar,
           count(*)::int as trainees,
           count(*) filter (where sex = 'F')::int as women,
           count(*) filter (where inside)::int as inside,
           count(*) filter (where placed and not inside)::int as outside,
           count(*) filter (where graduated)::int as graduates,
           count(*) filter (where graduated and sex = 'F')::int as graduates_women
      from trainees
     group by trade_code, trade_fr, trade_ar
     order by trainees desc, trade_code`.execute(tx);

  const integration = await computeIntegration(tx, { year, wave: null });
  const sum = (pick: (r: TradeRow) => number) => rows.reduce((total, r) => total + pick(r), 0);
  const trainees = sum((r) => r.trainees);
  return {
    tenant: centre,
    name: centre.name,
    nameAr: centre.name_ar,
    trainees,
    women: sum((r) => r.women),
    trainedInside: sum((r) => r.inside),
    trainedOutside: sum((r) => r.outside),
    graduates: sum((r) => r.graduates),
    graduatesWomen: sum((r) => r.graduates_women),
    byTrade: rows.map((r) => ({
      tradeCode: r.trade_code,
      tradeFr: r.trade_fr,
      tradeAr: r.trade_ar,
      trainees: r.trainees,
      women: r.women,
      graduates: r.graduates,
      share: trainees === 0 ? 0 : r.trainees / trainees,
    })),
    outcomes: integration.total.byStatus,
    integration: centreLine(centre, integration.total),
  };
}

/** The network's line: every centre added up, trades merged by code. */
export function addCentres(
  centres: readonly CentreActivity[],
  name: string,
  nameAr: string | null,
): CentreActivity {
  const trades = new Map<string, TradeActivity>();
  for (const trade of centres.flatMap((c) => c.byTrade)) {
    const seen = trades.get(trade.tradeCode);
    trades.set(
      trade.tradeCode,
      seen
        ? {
            ...seen,
            trainees: seen.trainees + trade.trainees,
            women: seen.women + trade.women,
            graduates: seen.graduates + trade.graduates,
          }
        : { ...trade },
    );
  }
  const sum = (pick: (c: CentreActivity) => number) => centres.reduce((total, c) => total + pick(c), 0);
  const trainees = sum((c) => c.trainees);
  const integration = addFigures(
    name,
    nameAr,
    centres.map((c) => c.integration),
  );
  return {
    tenant: null,
    name,
    nameAr,
    trainees,
    women: sum((c) => c.women),
    trainedInside: sum((c) => c.trainedInside),
    trainedOutside: sum((c) => c.trainedOutside),
    graduates: sum((c) => c.graduates),
    graduatesWomen: sum((c) => c.graduatesWomen),
    byTrade: [...trades.values()]
      .map((t) => ({ ...t, share: trainees === 0 ? 0 : t.trainees / trainees }))
      .sort((a, b) => b.trainees - a.trainees || a.tradeCode.localeCompare(b.tradeCode)),
    outcomes: integration.byStatus,
    integration,
  };
}

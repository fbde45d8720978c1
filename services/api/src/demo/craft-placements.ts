import type { Tx } from '../db/with-tenant.js';
import { newId } from '../lib/ids.js';
import type { DemoEnrollment, PersonValues, TRADES } from './craft-enrollment.js';
import { apportion, FAMILY, insertInChunks, type Random } from './generate.js';

/**
 * The host workshops around a craft centre and where its trainees practised. As in the 2024
 * report, most trainees practised outside (Fès 391 of 487) and the rest in the centre's own
 * workshops; no host ever holds more trainees than its capacity. The open 2026 intake has a demo
 * workshop whose artisan signs in by SMS code: some trainees are there already, three proposals
 * wait for the artisan's answer, and the rest are not placed yet.
 */

export interface DemoHosts {
  /** The weaving workshop the demo artisan answers for. */
  demoHostId: string;
  /** Other hosts that get an artisan account (the seed creates the users). */
  otherArtisanHosts: { hostId: string; name: string }[];
}

type Trade = (typeof TRADES)[number] & { id: string };

interface Input {
  tenantId: string;
  directorId: string;
  random: Random;
  provinces: string[];
  /** How many of the year's trainees train in the centre's own workshops (the rest outside). */
  inCentre: number;
  trades: Trade[];
  enrollments: (DemoEnrollment & { id: string; person: PersonValues })[];
}

const COOPERATIVES = [
  ['Coopérative Al Amal', 'تعاونية الأمل'],
  ['Coopérative Nour', 'تعاونية النور'],
  ['Coopérative Al Wafae', 'تعاونية الوفاء'],
  ['Coopérative Tawasol', 'تعاونية التواصل'],
] as const;
const COMPANIES = [
  ['Tapis et Tissages du Maroc SARL', 'شركة زرابي ونسيج المغرب'],
  ['Maison de l’Artisanat SARL', 'دار الصناعة التقليدية'],
] as const;

const PRACTICE_DAYS = [2, 3, 4, 5, 6];
const PAST = { starts: '2024-09-23', ends: '2025-07-11', proposed: '2024-09-09', confirmed: '2024-09-12' };
const OPEN = { starts: '2026-09-28', ends: '2027-06-30', proposed: '2026-09-22', confirmed: '2026-09-24' };

type HostValues = {
  tenant_id: string;
  id: string;
  kind: string;
  name: string;
  name_ar: string;
  trade_id: string;
  capacity: number;
  address: string;
  province: string;
  contact_name: string;
  contact_phone: string | null;
  status: string;
  status_reason: string | null;
};

export async function seedHostsAndPlacements(tx: Tx, input: Input): Promise<DemoHosts> {
  const { tenantId, random } = input;
  const hosts: HostValues[] = [];
  const placements: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];

  const newHost = (trade: Trade, kind: string, capacity: number): HostValues => {
    const [family, familyAr] = random.pick(FAMILY);
    const [coop, coopAr] = random.pick(COOPERATIVES);
    const [company, companyAr] = random.pick(COMPANIES);
    const names: Record<string, [string, string]> = {
      ARTISAN_WORKSHOP: [`Atelier ${family} — ${trade.fr}`, `ورشة ${familyAr} — ${trade.ar}`],
      COOPERATIVE: [`${coop} — ${trade.fr}`, `${coopAr} — ${trade.ar}`],
      COMPANY: [company, companyAr],
      IN_CENTRE: [`Atelier du centre — ${trade.fr}`, `ورشة المركز — ${trade.ar}`],
    };
    const [name, nameAr] = names[kind]!;
    const province = kind === 'IN_CENTRE' ? input.provinces[0]! : random.pick(input.provinces);
    const host: HostValues = {
      tenant_id: tenantId,
      id: newId(),
      kind,
      name,
      name_ar: nameAr,
      trade_id: trade.id,
      capacity,
      address: `${random.int(1, 140)}, derb ${random.pick(FAMILY)[0]}, ${province}`,
      province,
      contact_name: kind === 'IN_CENTRE' ? 'Direction du centre' : `M. ${family}`,
      contact_phone: null,
      status: 'ACTIVE',
      status_reason: null,
    };
    hosts.push(host);
    return host;
  };

  const place = (
    enrollment: Input['enrollments'][number],
    host: HostValues,
    dates: typeof PAST,
    outcome: { status: string; at: string; reason?: string | null },
  ) => {
    const id = newId();
    placements.push({
      tenant_id: tenantId,
      id,
      enrollment_id: enrollment.id,
      host_id: host.id,
      starts_on: dates.starts,
      ends_on: dates.ends,
      weekdays: PRACTICE_DAYS,
      status: outcome.status,
      status_reason: outcome.reason ?? null,
      status_changed_at: new Date(outcome.at),
      proposed_by: input.directorId,
      created_at: new Date(`${dates.proposed}T09:00:00Z`),
    });
    const steps: [string | null, string, string, string | null][] = [
      [null, 'PROPOSED', dates.proposed, null],
    ];
    if (outcome.status !== 'PROPOSED') steps.push(['PROPOSED', 'CONFIRMED', dates.confirmed, null]);
    if (!['PROPOSED', 'CONFIRMED'].includes(outcome.status)) {
      steps.push(['CONFIRMED', outcome.status, outcome.at.slice(0, 10), outcome.reason ?? null]);
    }
    for (const [from, to, day, reason] of steps) {
      events.push({
        tenant_id: tenantId,
        id: newId(),
        placement_id: id,
        from_status: from,
        to_status: to,
        reason,
        actor_user_id: to === 'PROPOSED' ? input.directorId : null,
        at: new Date(`${day}T10:00:00Z`),
      });
    }
  };

  // 2024: every trainee of each trade, in the centre's workshop or at a host outside.
  const pastByTrade = input.trades.map((_, tradeIndex) =>
    input.enrollments.filter((e) => !e.open && e.tradeIndex === tradeIndex),
  );
  const inCentreByTrade = apportion(
    input.inCentre,
    pastByTrade.map((past) => past.length),
  );
  for (const [tradeIndex, trade] of input.trades.entries()) {
    const past = pastByTrade[tradeIndex]!;
    if (past.length === 0) continue;
    const inCentre = inCentreByTrade[tradeIndex]!;
    const centreHost = newHost(trade, 'IN_CENTRE', inCentre + 10);
    let outside: HostValues | null = null;
    let taken = 0;
    for (const [index, enrollment] of past.entries()) {
      let host = centreHost;
      if (index >= inCentre) {
        if (!outside || taken === outside.capacity) {
          const kind =
            random.next() < 0.15 ? 'COOPERATIVE' : random.next() < 0.05 ? 'COMPANY' : 'ARTISAN_WORKSHOP';
          outside = newHost(trade, kind, kind === 'ARTISAN_WORKSHOP' ? random.int(3, 8) : random.int(10, 20));
          taken = 0;
        }
        host = outside;
        taken++;
      }
      const last = enrollment.path.at(-1)!;
      place(
        enrollment,
        host,
        PAST,
        last.to === 'GRADUATED'
          ? { status: 'COMPLETED', at: `${PAST.ends}T16:00:00Z` }
          : { status: 'ENDED_EARLY', at: last.at, reason: last.reason },
      );
    }
  }
  // Hosts change over time: one is paused, one has closed; their history stays.
  const outsideHosts = hosts.filter((h) => h.kind !== 'IN_CENTRE');
  Object.assign(outsideHosts.at(-1)!, {
    status: 'PAUSED',
    status_reason: 'Travaux dans l’atelier jusqu’en janvier',
  });
  Object.assign(outsideHosts.at(-2)!, { status: 'CLOSED', status_reason: 'Le maâlem a pris sa retraite' });

  // 2026: the demo artisan's workshop, with three trainees already there and three proposals.
  const weaving = input.trades[0]!;
  const demoHost = newHost(weaving, 'ARTISAN_WORKSHOP', 6);
  Object.assign(demoHost, {
    name: 'Atelier de tissage du maâlem Driss',
    name_ar: 'ورشة النسيج للمعلم إدريس',
    contact_name: 'Driss',
    province: input.provinces[0]!,
  });
  const enrolledNow = input.enrollments.filter((e) => e.open && e.path.at(-1)!.to === 'ENROLLED');
  for (const enrollment of enrolledNow.slice(0, 3)) {
    place(enrollment, demoHost, OPEN, { status: 'ACTIVE', at: `${OPEN.starts}T08:00:00Z` });
  }
  for (const enrollment of enrolledNow.slice(3, 6)) {
    place(
      enrollment,
      demoHost,
      { ...OPEN, starts: '2026-12-07' },
      { status: 'PROPOSED', at: '2026-11-20T09:00:00Z' },
    );
  }
  // Two more weaving workshops with room, for the placement suggestions.
  const others = [newHost(weaving, 'ARTISAN_WORKSHOP', 4), newHost(weaving, 'COOPERATIVE', 12)];

  await insertInChunks(tx, 'host', hosts);
  await insertInChunks(tx, 'placement', placements);
  await insertInChunks(tx, 'placement_event', events);
  return {
    demoHostId: demoHost.id,
    otherArtisanHosts: others.map((h) => ({ hostId: h.id, name: h.name_ar })),
  };
}

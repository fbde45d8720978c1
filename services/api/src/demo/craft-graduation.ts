import { sql } from 'kysely';
import type { Tx } from '../db/with-tenant.js';
import { withTenant } from '../db/with-tenant.js';
import { newId } from '../lib/ids.js';
import { addDays, addMonths, daysBetween, todayIn, toInstant } from '../lib/time.js';
import { issueCertificates } from '../modules/certificates/issue.js';
import { type Graduate, waveRows } from '../modules/followup/waves.js';
import type { DemoTenant } from './demo-tenant.js';
import { FAMILY, generator, insertInChunks, type Random } from './generate.js';

/**
 * Graduations, certificates and follow-up outcomes of a craft centre's 2024-2025 cohorts, so that
 * the 2024 activity report gives the published graduates (Fès 308, Salé 320, Marrakech 795) and
 * integration rates (Fès 79 %, Marrakech 83 %; Salé published none: 80 % here), the unreachable
 * counted beside. Graduates answered at graduation (2025-07-15), at +6 months (2026-01-15) and, most
 * of them, at +12 months (2026-07-15); a few never answered, some +12 waves are still open
 * (overdue), and a handful who graduated late (after a make-up assessment) have their +12 wave due
 * these days — so the follow-up work list has work in both states. Deterministic (seeded), and
 * set-based: a few statements per centre whatever the number of graduates.
 */

const RATES: Record<string, number> = { fes: 0.79, sale: 0.8, marrakech: 0.83 };
const GRADUATED_ON = '2025-07-15';
const NEVER_ANSWERED = 0.02;
const UNREACHABLE = 0.06;
/** Graduates whose +12 wave is still unanswered, and whose wave 0 was never asked. */
const OPEN_TWELVE = 0.12;
const NO_WAVE_ZERO = 0.08;
const ANSWERED_BY_LINK = 0.2;
const LATE_GRADUATES = 4;

type Status =
  | 'HOST_COMPANY'
  | 'COOPERATIVE'
  | 'SELF_EMPLOYED'
  | 'CREATED_COOPERATIVE'
  | 'CREATED_ACTIVITY'
  | 'FURTHER_TRAINING'
  | 'SEEKING'
  | 'UNREACHABLE';

// Where weavers end up differs from the other trades: most weave for a cooperative or at home.
const WEAVING_MIX: [Status, number][] = [
  ['COOPERATIVE', 0.3],
  ['SELF_EMPLOYED', 0.32],
  ['HOST_COMPANY', 0.18],
  ['CREATED_COOPERATIVE', 0.06],
  ['CREATED_ACTIVITY', 0.06],
  ['FURTHER_TRAINING', 0.08],
];
const OTHER_MIX: [Status, number][] = [
  ['HOST_COMPANY', 0.4],
  ['SELF_EMPLOYED', 0.22],
  ['COOPERATIVE', 0.12],
  ['CREATED_ACTIVITY', 0.1],
  ['CREATED_COOPERATIVE', 0.03],
  ['FURTHER_TRAINING', 0.13],
];

const COMPANIES = [
  'Tapis et Tissages du Maroc SARL',
  'Maison de l’Artisanat SARL',
  'Atelier Zellige et Bois SARL',
  'Cuirs de la Médina SARL',
];
const COOPERATIVES = [
  'Coopérative Al Amal',
  'Coopérative Nour',
  'Coopérative Al Wafae',
  'Coopérative Tawasol',
];
const SCHOOLS = [
  'Institut spécialisé des arts traditionnels',
  'Institut spécialisé de technologie appliquée',
  'Centre de qualification professionnelle',
];

interface GraduateRow {
  enrollment_id: string;
  person_id: string;
  trade_code: string;
}

/** One graduate's answers: status by wave (absent: not answered), and the day they started. */
interface Plan {
  answers: Partial<Record<0 | 6 | 12, Status>>;
  startedOn: string | null;
  byLink: boolean;
}

function pickWeighted(random: Random, mix: readonly [Status, number][]): Status {
  let roll = random.next() * mix.reduce((sum, [, w]) => sum + w, 0);
  for (const [status, weight] of mix) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return mix[0]![0];
}

/** What a graduate said before settling on `final` (answered at their latest wave). */
function earlier(random: Random, final: Status, wave: 0 | 6): Status {
  if (final === 'SEEKING' || final === 'UNREACHABLE') return 'SEEKING';
  // Placed by their host at graduation, or went straight on to further training.
  const sameFromStart =
    final === 'HOST_COMPANY' || final === 'COOPERATIVE' || final === 'FURTHER_TRAINING' ? 0.5 : 0.3;
  if (random.next() < (wave === 0 ? sameFromStart : 0.7)) return final;
  return final.startsWith('CREATED_') && wave === 6 ? 'SELF_EMPLOYED' : 'SEEKING';
}

function organisationOf(random: Random, status: Status): string | null {
  switch (status) {
    case 'HOST_COMPANY':
      return random.pick(COMPANIES);
    case 'COOPERATIVE':
      return random.pick(COOPERATIVES);
    case 'CREATED_COOPERATIVE':
      return `Coopérative ${random.pick(FAMILY)[0]}`;
    case 'FURTHER_TRAINING':
      return random.pick(SCHOOLS);
    default:
      return null;
  }
}

export async function seedCraftGraduation(demo: DemoTenant, now: Date = new Date()): Promise<void> {
  const rate = RATES[demo.slug];
  if (rate === undefined) return;
  const random = generator(demo.slug.split('').reduce((h, c) => h * 37 + c.charCodeAt(0), 2025));
  // One transaction on the owner's connection (the seed has only one).
  await withTenant(demo.owner, demo.tenantId, async (tx) => {
    const tenant = await tx
      .selectFrom('tenant')
      .select('timezone')
      .where('id', '=', demo.tenantId)
      .executeTakeFirstOrThrow();
    const today = todayIn(tenant.timezone, now);
    // Phones are unique and made in order by the enrollment demo: a stable order for the seeded draws.
    const { rows } = await sql<GraduateRow>`
      select e.id as enrollment_id, e.person_id, t.code as trade_code
        from enrollment e
        join cohort c on c.tenant_id = e.tenant_id and c.id = e.cohort_id
        join programme pr on pr.tenant_id = c.tenant_id and pr.id = c.programme_id
        join trade t on t.tenant_id = pr.tenant_id and t.id = pr.trade_id
        join person p on p.tenant_id = e.tenant_id and p.id = e.person_id
       where e.status = 'GRADUATED' and c.starts_on >= '2024-01-01' and c.starts_on < '2025-01-01'
       order by p.phone`.execute(tx);
    const graduates = random.shuffle(rows);

    // Who graduated late: their +12 wave fell due in the last weeks, never before the cohort's end.
    const lateOn = [3, 8, 14, 22].slice(0, LATE_GRADUATES).map((days) => {
      const day = addDays(addMonths(today, -12), -days);
      return day > GRADUATED_ON ? day : addDays(GRADUATED_ON, 1);
    });
    const graduationRows = await insertGraduations(
      tx,
      demo,
      graduates.map((g, index) => ({
        enrollmentId: g.enrollment_id,
        graduatedOn: lateOn[index] ?? GRADUATED_ON,
      })),
    );
    await issueCertificates(tx, demo.tenantId, graduationRows);

    const plans = planAnswers(random, graduates, rate, lateOn.length);
    const waves = waveRows(
      demo.tenantId,
      graduationRows.map(
        (g, index): Graduate => ({
          graduationId: g.id,
          personId: graduates[index]!.person_id,
          graduatedOn: g.graduated_on,
        }),
      ),
    );
    const rowsOut = waves.map((wave, index) => {
      const plan = plans[Math.floor(index / 4)]!;
      const months = wave.months_after_graduation as 0 | 6 | 12 | 24;
      const status = months === 24 ? undefined : plan.answers[months];
      if (!status || wave.due_on > today) return wave;
      const surveyedOn = [addDays(wave.due_on, random.int(0, 21)), today].sort()[0]!;
      const byLink = plan.byLink && random.next() < 0.7;
      const integrated = status !== 'SEEKING' && status !== 'UNREACHABLE';
      const sentAt = toInstant(wave.due_on, '09:00', tenant.timezone);
      return {
        ...wave,
        status,
        organisation: organisationOf(random, status),
        outcome_on: integrated && plan.startedOn ? [plan.startedOn, surveyedOn].sort()[0]! : null,
        surveyed_on: surveyedOn,
        notes: null,
        source: byLink ? 'GRADUATE' : 'STAFF',
        recorded_by: byLink ? null : demo.directorId,
        recorded_at: toInstant(surveyedOn, '11:00', tenant.timezone),
        link_sent_at: byLink ? sentAt : null,
        link_expires_at: byLink ? new Date(sentAt.getTime() + 30 * 86_400_000) : null,
      };
    });
    await insertInChunks(tx, 'outcome', rowsOut);
  });
}

async function insertGraduations(
  tx: Tx,
  demo: DemoTenant,
  graduations: { enrollmentId: string; graduatedOn: string }[],
) {
  const inserted = [];
  for (let i = 0; i < graduations.length; i += 1000) {
    inserted.push(
      ...(await tx
        .insertInto('graduation')
        .values(
          graduations.slice(i, i + 1000).map((g) => ({
            tenant_id: demo.tenantId,
            id: newId(),
            enrollment_id: g.enrollmentId,
            graduated_on: g.graduatedOn,
            graduated_by: demo.directorId,
            created_at: new Date(`${g.graduatedOn}T10:00:00Z`),
          })),
        )
        .returningAll()
        .execute()),
    );
  }
  // In the order asked for, whatever order the database returned them in.
  const byEnrollment = new Map(inserted.map((g) => [g.enrollment_id, g]));
  return graduations.map((g) => byEnrollment.get(g.enrollmentId)!);
}

/**
 * The answers of every graduate, in the order given (already shuffled): the first few never
 * answered, then the unreachable, then those still seeking, then the integrated — as many as make
 * the centre's rate over those reached. The first `late` graduates (who graduated late) answered
 * waves 0 and +6 only; their +12 is due now.
 */
function planAnswers(random: Random, graduates: readonly GraduateRow[], rate: number, late: number): Plan[] {
  const total = graduates.length;
  const never = Math.round(total * NEVER_ANSWERED);
  const unreachable = Math.round(total * UNREACHABLE);
  const reached = total - never - unreachable;
  const integrated = Math.round(reached * rate);
  // Late graduates are among the integrated, so the groups are laid out from the end.
  return graduates.map((graduate, index) => {
    const position = total - 1 - index;
    const final: Status | null =
      index < late
        ? pickWeighted(random, graduate.trade_code === 'WEAVING' ? WEAVING_MIX : OTHER_MIX)
        : position < never
          ? null
          : position < never + unreachable
            ? 'UNREACHABLE'
            : position < never + unreachable + (reached - integrated)
              ? 'SEEKING'
              : pickWeighted(random, graduate.trade_code === 'WEAVING' ? WEAVING_MIX : OTHER_MIX);
    if (final === null) return { answers: {}, startedOn: null, byLink: false };
    const latest: 6 | 12 = index < late || random.next() < OPEN_TWELVE ? 6 : 12;
    const answers: Plan['answers'] = { [latest]: final };
    if (latest === 12) answers[6] = earlier(random, final, 6);
    if (random.next() >= NO_WAVE_ZERO) answers[0] = earlier(random, final, 0);
    // The day they started there: up to a month before graduation (hired by their host) or after.
    const startedOn = addDays(GRADUATED_ON, random.int(-30, daysBetween(GRADUATED_ON, '2026-06-30')));
    return { answers, startedOn, byLink: random.next() < ANSWERED_BY_LINK };
  });
}

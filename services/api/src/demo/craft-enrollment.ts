import type { Database } from '../db/connect.js';
import { withTenant } from '../db/with-tenant.js';
import { newId } from '../lib/ids.js';
import { type DemoHosts, seedHostsAndPlacements } from './craft-placements.js';
import { apportion, generator, insertInChunks, MEN, pad, personNames, someDayOf } from './generate.js';

/**
 * A craft centre's trades, programmes and cohorts, sized like the foundation's 2024 activity
 * report: Fès 487 trainees (308 graduated), Salé 534 (320), Marrakech 991 (795); weaving took
 * about 84 % of them; three in four were women. Plus the open 2026 intake, with applicants.
 * Deterministic (a seeded generator), so every demo database looks the same.
 */
export const CRAFT_FIGURES: Record<
  string,
  { trained: number; graduated: number; women: number; inCentre: number; provinces: string[] }
> = {
  // Women per centre: the report gives 1,511 of 2,012 for the three; split in proportion.
  fes: {
    trained: 487,
    graduated: 308,
    women: 366,
    inCentre: 96,
    provinces: ['Fès', 'Sefrou', 'Moulay Yacoub', 'Taounate', 'Boulemane'],
  },
  sale: {
    trained: 534,
    graduated: 320,
    women: 401,
    inCentre: 129,
    provinces: ['Salé', 'Rabat', 'Kénitra', 'Skhirate-Témara'],
  },
  marrakech: {
    trained: 991,
    graduated: 795,
    women: 744,
    inCentre: 96,
    provinces: ['Marrakech', 'Al Haouz', 'Chichaoua', 'El Kelâa des Sraghna'],
  },
};

export const TRADES = [
  { code: 'WEAVING', fr: 'Tissage', ar: 'النسيج', share: 0.84, womenShare: 0.86 },
  { code: 'WOOD', fr: 'Menuiserie d’art', ar: 'النجارة الفنية', share: 0.04, womenShare: 0.1 },
  { code: 'LEATHER', fr: 'Maroquinerie', ar: 'صناعة الجلد', share: 0.04, womenShare: 0.45 },
  { code: 'METAL', fr: 'Ferronnerie', ar: 'الحدادة الفنية', share: 0.03, womenShare: 0.05 },
  { code: 'STONE', fr: 'Taille de pierre', ar: 'نحت الحجر', share: 0.02, womenShare: 0.05 },
  { code: 'PLANT_FIBRES', fr: 'Fibres végétales', ar: 'الألياف النباتية', share: 0.02, womenShare: 0.7 },
  { code: 'SADDLERY', fr: 'Sellerie', ar: 'السراجة', share: 0.01, womenShare: 0.1 },
] as const;

const SCHOOL_LEVELS = ['NONE', 'PRIMARY', 'PRIMARY', 'MIDDLE', 'MIDDLE', 'MIDDLE', 'SECONDARY'] as const;
const DROPOUT_REASONS = [
  'Emploi trouvé avant la fin',
  'Raisons familiales',
  'Mariage',
  'Déménagement',
  'Éloignement du lieu de formation',
];

export interface DemoEnrollment {
  row: Record<string, unknown>;
  path: { to: string; at: string; reason?: string }[];
  tradeIndex: number;
  open?: boolean;
}

export interface PersonValues {
  tenant_id: string;
  id: string;
  first_name_latin: string;
  last_name_latin: string;
  first_name_ar: string;
  last_name_ar: string;
  sex: 'F' | 'M';
  birth_date: string;
  cin: string | null;
  phone: string;
  guardian_name: string | null;
  guardian_phone: string | null;
  school_level: string;
  has_disability: boolean;
  province: string;
  user_id: string | null;
}

export async function seedCraftEnrollment(
  owner: Database,
  tenantId: string,
  slug: string,
  options: { directorId: string; traineeUserId?: string; phoneBase: number },
): Promise<DemoHosts | null> {
  const figures = CRAFT_FIGURES[slug];
  if (!figures) return null;
  const random = generator(slug.split('').reduce((h, c) => h * 31 + c.charCodeAt(0), 7));
  let phoneSerial = 0;
  const nextPhone = () => `+2126${String(options.phoneBase + phoneSerial++).padStart(8, '0')}`;

  const makePerson = (sex: 'F' | 'M', birthYearRange: [number, number], startsOn: string): PersonValues => {
    const names = personNames(random, sex);
    const birth = someDayOf(random, random.int(...birthYearRange));
    const minor = Number(startsOn.slice(0, 4)) - Number(birth.slice(0, 4)) < 19;
    return {
      tenant_id: tenantId,
      id: newId(),
      ...names,
      birth_date: birth,
      cin: minor ? null : `${random.pick(['C', 'CD', 'EE', 'BK', 'JB'])}${random.int(100000, 999999)}`,
      phone: nextPhone(),
      guardian_name: minor ? `${random.pick(MEN)[0]} ${names.last_name_latin}` : null,
      guardian_phone: minor ? nextPhone() : null,
      school_level: random.pick(SCHOOL_LEVELS),
      has_disability: random.next() < 0.02,
      province: random.pick(figures.provinces),
      user_id: null,
    };
  };

  return withTenant(owner, tenantId, async (tx) => {
    const trades = TRADES.map((trade) => ({ ...trade, id: newId(), programmeId: newId() }));
    await tx
      .insertInto('trade')
      .values(
        trades.map((t) => ({ tenant_id: tenantId, id: t.id, code: t.code, name_fr: t.fr, name_ar: t.ar })),
      )
      .execute();
    await tx
      .insertInto('programme')
      .values(
        trades.map((t) => ({
          tenant_id: tenantId,
          id: t.programmeId,
          trade_id: t.id,
          name_fr: `Apprentissage — ${t.fr}`,
          name_ar: `التكوين بالتدرج المهني — ${t.ar}`,
          duration_months: 10,
          theory_weekdays: [1],
          practice_weekdays: [2, 3, 4, 5, 6],
        })),
      )
      .execute();

    const trainedByTrade = apportion(
      figures.trained,
      trades.map((t) => t.share),
    );
    const graduatedByTrade = apportion(
      figures.graduated,
      trades.map((t) => t.share),
    );
    // Women per trade in proportion to each trade's usual share of women, adding up to the centre's.
    const womenByTrade = apportion(
      figures.women,
      trades.map((t, index) => trainedByTrade[index]! * t.womenShare),
    );
    const people: PersonValues[] = [];
    const enrollments: DemoEnrollment[] = [];

    for (const [index, trade] of trades.entries()) {
      const trained = trainedByTrade[index]!;
      if (trained === 0) continue;
      const cohortId = newId();
      await tx
        .insertInto('cohort')
        .values({
          tenant_id: tenantId,
          id: cohortId,
          programme_id: trade.programmeId,
          label: `${trade.fr} 2024-2025`,
          starts_on: '2024-09-16',
          ends_on: '2025-07-15',
          capacity: Math.ceil(trained / 10) * 10 + 10,
        })
        .execute();
      for (let i = 0; i < trained; i++) {
        // Women spread evenly through the trade's list (graduates and dropouts alike); the draw is
        // still taken so the generator's sequence (names, dates) stays what it was.
        random.next();
        const women = womenByTrade[index]!;
        const isWoman = Math.floor(((i + 1) * women) / trained) > Math.floor((i * women) / trained);
        const person = makePerson(isWoman ? 'F' : 'M', [1996, 2008], '2024-09-16');
        people.push(person);
        const graduated = i < graduatedByTrade[index]!;
        const path: { to: string; at: string; reason?: string }[] = [
          { to: 'APPLIED', at: '2024-07-08T09:00:00Z' },
          { to: 'ADMITTED', at: '2024-07-22T09:00:00Z' },
          { to: 'ENROLLED', at: '2024-09-16T08:00:00Z' },
        ];
        if (graduated) path.push({ to: 'GRADUATED', at: '2025-07-15T10:00:00Z' });
        else {
          path.push({
            to: 'DROPPED_OUT',
            at: `2025-${pad(random.int(1, 5))}-${pad(random.int(1, 28))}T10:00:00Z`,
            reason: random.pick(DROPOUT_REASONS),
          });
        }
        enrollments.push({ row: { person_id: person.id, cohort_id: cohortId }, path, tradeIndex: index });
      }
    }

    // The 2026 intake of the biggest trade is open: applicants at every step, places left.
    const weaving = trades[0]!;
    const openCohortId = newId();
    await tx
      .insertInto('cohort')
      .values({
        tenant_id: tenantId,
        id: openCohortId,
        programme_id: weaving.programmeId,
        label: `${weaving.fr} 2026-2027`,
        starts_on: '2026-09-21',
        ends_on: '2027-07-16',
        capacity: 60,
      })
      .execute();
    for (let i = 0; i < 24; i++) {
      const person = makePerson(random.next() < weaving.womenShare ? 'F' : 'M', [1998, 2010], '2026-09-21');
      if (i === 0 && options.traineeUserId) {
        // The demo trainee (who signs in by SMS code) is this person.
        Object.assign(person, {
          first_name_latin: 'Salma',
          first_name_ar: 'سلمى',
          sex: 'F',
          birth_date: '2006-03-14',
          phone: '+212661000002',
          cin: 'CD482913',
          guardian_name: null,
          guardian_phone: null,
          user_id: options.traineeUserId,
        });
      }
      people.push(person);
      const steps = i < 14 ? 3 : i < 19 ? 2 : 1;
      const path = [
        { to: 'APPLIED', at: '2026-06-15T09:00:00Z' },
        { to: 'ADMITTED', at: '2026-07-20T09:00:00Z' },
        { to: 'ENROLLED', at: '2026-09-21T08:00:00Z' },
      ].slice(0, steps);
      enrollments.push({
        row: { person_id: person.id, cohort_id: openCohortId },
        path,
        tradeIndex: 0,
        open: true,
      });
    }

    await insertInChunks(tx, 'person', people);
    const enrollmentRows = enrollments.map(({ row, path }) => {
      const last = path.at(-1)!;
      return {
        tenant_id: tenantId,
        id: newId(),
        person_id: row.person_id as string,
        cohort_id: row.cohort_id as string,
        status: last.to,
        status_reason: last.reason ?? null,
        status_changed_at: new Date(last.at),
        created_at: new Date(path[0]!.at),
      };
    });
    await insertInChunks(tx, 'enrollment', enrollmentRows);
    const events = enrollments.flatMap(({ path }, index) =>
      path.map((step, stepIndex) => ({
        tenant_id: tenantId,
        id: newId(),
        enrollment_id: enrollmentRows[index]!.id,
        from_status: stepIndex === 0 ? null : path[stepIndex - 1]!.to,
        to_status: step.to,
        reason: step.reason ?? null,
        actor_user_id: options.directorId,
        at: new Date(step.at),
      })),
    );
    await insertInChunks(tx, 'enrollment_event', events);

    const personById = new Map(people.map((p) => [p.id, p]));
    return seedHostsAndPlacements(tx, {
      tenantId,
      directorId: options.directorId,
      random,
      provinces: figures.provinces,
      inCentre: figures.inCentre,
      trades,
      enrollments: enrollments.map((e, index) => ({
        ...e,
        id: enrollmentRows[index]!.id,
        person: personById.get(e.row.person_id as string)!,
      })),
    });
  });
}

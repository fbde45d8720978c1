import { sql } from 'kysely';
import { withTenant } from '../db/with-tenant.js';
import { newId } from '../lib/ids.js';
import { addDays, addMonths, daysBetween, isoWeekday, todayIn } from '../lib/time.js';
import { DEMO_PASSWORD, type DemoTenant } from './demo-tenant.js';
import { apportion, generator, insertInChunks, personNames, type Random, someDayOf } from './generate.js';

/**
 * The foundation's four incubators: cohorts of young entrepreneurs (18–35, mostly from poor
 * families) moving through selection, incubation, post-incubation and exit, with their ventures'
 * formalisation, funding, jobs, coaching and survival after exit, and the four training modules.
 * The network's 2024 figures are those of the foundation's report, exactly: 1,046 ventures
 * created (formalised) by the end of 2024, 1,755 jobs, 95 % survival, 1,568 individual coaching
 * sessions and 196 young entrepreneurs financed in 2024. Past years are fixed dates (a 2024
 * report never changes); what is still going on (cohorts in the programme, recent coaching) runs
 * up to today. Deterministic: every draw that shapes 2024 comes from generators seeded per centre
 * and purpose, so the 2024 figures do not depend on the day the demo is loaded.
 */
export const INCUBATOR_REPORT_2024 = {
  venturesCreatedToDate: 1046,
  jobs: 1755,
  survivalRate: 0.95,
  coachingSessions: 1568,
  peopleFinanced: 196,
} as const;

export const DEMO_COACH = {
  email: 'coach.casablanca@demo.maalem.ma',
  name: 'Leïla Benkirane — coach',
  /** Cohort 7 ventures this coach follows. */
  ventures: 30,
};

const YEAR = 2024;
const YEAR_END = `${YEAR}-12-31`;

interface CohortPlan {
  number: number;
  /** Incubation starts; selection runs the eight weeks before. */
  incubation: string;
  postIncubation: string;
  /** The exit day (planned, for cohorts still in the programme). */
  exit: string;
  /** Ventures that stay the course (or are still on it). */
  ventures: number;
  abandoned: number;
  /** Of `ventures`, how many are formalised at all (default: all) and how many before 2025 (default: all). */
  formalised?: number;
  formalisedBy2024?: number;
}

interface IncubatorPlan {
  seed: number;
  cinPrefix: string;
  provinces: string[];
  programme: { fr: string; ar: string };
  sectors: readonly (readonly [sector: string, names: readonly string[]])[];
  cohorts: CohortPlan[];
  /** The centre's coaches; in Casablanca the first is the demo account. */
  coaches: string[];
  /** What this centre contributes to the network's 2024 report. */
  targets: { jobs: number; coachingSessions: number; peopleFinanced: number };
}

const SOLIDARITY_SECTORS = [
  ['Couture et textile', ['Atelier de couture', 'Confection de caftans', 'Broderie traditionnelle']],
  ['Restauration et traiteur', ['Traiteur', 'Snack', 'Pâtisserie marocaine']],
  ['Commerce de proximité', ['Épicerie solidaire', 'Vente de produits du terroir', 'Droguerie']],
  ['Coiffure et esthétique', ['Salon de coiffure', 'Hammam et soins', 'Institut de beauté']],
  ['Artisanat', ['Poterie', 'Maroquinerie', 'Tapis et tissage']],
  ['Services informatiques', ['Cyber-service', 'Réparation de téléphones', 'Maintenance informatique']],
  ['Menuiserie et bâtiment', ['Menuiserie aluminium', 'Peinture et décoration', 'Plomberie']],
  ['Agroalimentaire', ['Boulangerie', 'Couscous roulé main', 'Miel et amlou']],
  ['Services à la personne', ['Garde d’enfants', 'Aide à domicile', 'Pressing']],
  ['Transport et logistique', ['Livraison à vélo', 'Triporteur de quartier', 'Déménagement']],
] as const;

const DIGITAL_SECTORS = [
  ['Développement web', ['Studio web', 'Sites pour artisans', 'Agence web']],
  ['Applications mobiles', ['Application de livraison', 'Application de réservation', 'Studio mobile']],
  ['Commerce en ligne', ['Boutique en ligne', 'Place de marché artisanale', 'Vente en ligne de cosmétiques']],
  [
    'Marketing digital',
    ['Agence de communication digitale', 'Gestion de réseaux sociaux', 'Création de contenu'],
  ],
  ['Graphisme et vidéo', ['Studio graphique', 'Production vidéo', 'Animation 2D']],
] as const;

const SOLIDARITY = {
  fr: 'Incubation des micro-entreprises solidaires',
  ar: 'احتضان المقاولات الصغرى التضامنية',
};

const PLANS: Record<string, IncubatorPlan> = {
  'incubateur-casablanca': {
    seed: 1046,
    cinPrefix: 'BE',
    provinces: ['Casablanca', 'Casablanca', 'Casablanca', 'Mohammedia', 'Médiouna', 'Nouaceur'],
    programme: SOLIDARITY,
    sectors: SOLIDARITY_SECTORS,
    cohorts: [
      {
        number: 1,
        incubation: '2013-11-04',
        postIncubation: '2014-11-03',
        exit: '2016-06-30',
        ventures: 110,
        abandoned: 9,
      },
      {
        number: 2,
        incubation: '2015-11-02',
        postIncubation: '2016-11-01',
        exit: '2018-06-29',
        ventures: 115,
        abandoned: 8,
      },
      {
        number: 3,
        incubation: '2017-11-06',
        postIncubation: '2018-11-05',
        exit: '2020-06-30',
        ventures: 120,
        abandoned: 10,
      },
      {
        number: 4,
        incubation: '2020-11-02',
        postIncubation: '2021-11-01',
        exit: '2023-06-30',
        ventures: 125,
        abandoned: 7,
      },
      {
        number: 5,
        incubation: '2022-11-07',
        postIncubation: '2023-11-06',
        exit: '2025-06-30',
        ventures: 130,
        abandoned: 9,
      },
      {
        number: 6,
        incubation: '2024-03-04',
        postIncubation: '2025-03-03',
        exit: '2027-06-30',
        ventures: 145,
        abandoned: 11,
        formalised: 130,
        formalisedBy2024: 60,
      },
      {
        number: 7,
        incubation: '2026-01-05',
        postIncubation: '2027-01-04',
        exit: '2028-06-30',
        ventures: 120,
        abandoned: 6,
        formalised: 10,
        formalisedBy2024: 0,
      },
    ],
    coaches: [DEMO_COACH.name, 'Karim Ouazzani', 'Samira El Fassi', 'Hicham Berrada', 'Nawal Chraibi'],
    targets: { jobs: 1050, coachingSessions: 930, peopleFinanced: 110 },
  },
  'incubateur-fes': {
    seed: 2051,
    cinPrefix: 'C',
    provinces: ['Fès', 'Fès', 'Fès', 'Sefrou', 'Moulay Yacoub'],
    programme: SOLIDARITY,
    sectors: SOLIDARITY_SECTORS,
    cohorts: [
      {
        number: 3,
        incubation: '2019-02-04',
        postIncubation: '2020-02-03',
        exit: '2021-06-30',
        ventures: 85,
        abandoned: 6,
      },
      {
        number: 4,
        incubation: '2021-02-01',
        postIncubation: '2022-01-31',
        exit: '2023-06-30',
        ventures: 90,
        abandoned: 7,
      },
      {
        number: 5,
        incubation: '2024-02-05',
        postIncubation: '2025-02-03',
        exit: '2027-06-30',
        ventures: 95,
        abandoned: 8,
        formalised: 80,
        formalisedBy2024: 30,
      },
    ],
    coaches: ['Mounia Tazi', 'Driss Alaoui', 'Siham Bennis'],
    targets: { jobs: 370, coachingSessions: 330, peopleFinanced: 45 },
  },
  'incubateur-oujda': {
    seed: 3067,
    cinPrefix: 'F',
    provinces: ['Oujda-Angad', 'Oujda-Angad', 'Berkane', 'Jerada'],
    programme: SOLIDARITY,
    sectors: SOLIDARITY_SECTORS,
    cohorts: [
      {
        number: 1,
        incubation: '2018-10-01',
        postIncubation: '2019-09-30',
        exit: '2021-03-31',
        ventures: 55,
        abandoned: 4,
      },
      {
        number: 2,
        incubation: '2021-10-04',
        postIncubation: '2022-10-03',
        exit: '2024-03-29',
        ventures: 60,
        abandoned: 5,
      },
      {
        number: 3,
        incubation: '2024-10-07',
        postIncubation: '2025-10-06',
        exit: '2027-03-31',
        ventures: 50,
        abandoned: 4,
        formalised: 35,
        formalisedBy2024: 0,
      },
    ],
    coaches: ['Rachid Bouzidi', 'Fatima Zahra Amrani'],
    targets: { jobs: 210, coachingSessions: 190, peopleFinanced: 25 },
  },
  'incubateur-numerique-sale': {
    seed: 4093,
    cinPrefix: 'AE',
    provinces: ['Salé', 'Salé', 'Rabat', 'Skhirate-Témara', 'Kénitra'],
    programme: { fr: 'Incubation de start-up numériques', ar: 'احتضان المقاولات الناشئة الرقمية' },
    sectors: DIGITAL_SECTORS,
    cohorts: [
      {
        number: 1,
        incubation: '2020-01-06',
        postIncubation: '2020-12-28',
        exit: '2022-06-30',
        ventures: 30,
        abandoned: 3,
      },
      {
        number: 2,
        incubation: '2022-01-10',
        postIncubation: '2023-01-09',
        exit: '2024-06-28',
        ventures: 36,
        abandoned: 3,
      },
      {
        number: 3,
        incubation: '2026-02-02',
        postIncubation: '2027-02-01',
        exit: '2028-06-30',
        ventures: 40,
        abandoned: 2,
        formalised: 5,
        formalisedBy2024: 0,
      },
    ],
    coaches: ['Youssef Sqalli', 'Meryem Lahlou'],
    targets: { jobs: 125, coachingSessions: 118, peopleFinanced: 16 },
  },
};

// The four training modules every cohort follows (continuing-education courses for entrepreneurs).
const MODULES = [
  { fr: 'Comptabilité et finance', ar: 'المحاسبة والمالية' },
  { fr: 'Marketing et vente', ar: 'التسويق والبيع' },
  { fr: 'Droit du travail et ressources humaines', ar: 'قانون الشغل والموارد البشرية' },
  { fr: 'Savoir-être (soft skills)', ar: 'المهارات الحياتية' },
] as const;

const TOPICS = [
  'Plan d’affaires',
  'Étude de marché',
  'Prix de revient et fixation des prix',
  'Tenue de la comptabilité',
  'Recherche de financement',
  'Démarches de formalisation',
  'Stratégie commerciale',
  'Gestion de la trésorerie',
  'Recrutement du premier salarié',
  'Présence sur les réseaux sociaux',
  'Relation avec les fournisseurs',
  'Préparation du dossier de crédit',
];
const NEXT_STEPS = [
  'Envoyer le tableau de trésorerie avant la prochaine séance',
  'Rencontrer deux fournisseurs et comparer les prix',
  'Déposer le dossier d’auto-entrepreneur',
  'Préparer trois devis pour le dossier de crédit',
  'Publier le catalogue sur Instagram et WhatsApp',
];
const ABANDON_REASONS = [
  'Emploi salarié trouvé',
  'Raisons familiales',
  'Projet jugé non viable au comité',
  'Départ de la ville',
  'Désaccord entre les associés',
];
const LEGAL_FORMS = [
  'AUTO_ENTREPRENEUR',
  'AUTO_ENTREPRENEUR',
  'AUTO_ENTREPRENEUR',
  'AUTO_ENTREPRENEUR',
  'AUTO_ENTREPRENEUR',
  'AUTO_ENTREPRENEUR',
  'SARL_AU',
  'SARL_AU',
  'COOPERATIVE',
  'INDIVIDUAL_ENTERPRISE',
  'SARL',
] as const;
const FUNDING = [
  {
    kind: 'MICRO_CREDIT',
    sources: ['Al Amana Microfinance', 'Attawfiq Micro-Finance', 'Fondation Ardi'],
    min: 10,
    max: 50,
  },
  {
    kind: 'HONOUR_LOAN',
    sources: ['Réseau Entreprendre Maroc', 'Prêt d’honneur de la fondation'],
    min: 20,
    max: 80,
  },
  {
    kind: 'GRANT',
    sources: ['INDH — Programme d’appui aux jeunes', 'Fonds d’amorçage de la fondation'],
    min: 5,
    max: 30,
  },
  {
    kind: 'BANK_LOAN',
    sources: ['Programme Intilaka — Banque Populaire', 'Intilaka — Attijariwafa bank'],
    min: 50,
    max: 300,
  },
] as const;
const SCHOOL_LEVELS = [
  'PRIMARY',
  'MIDDLE',
  'MIDDLE',
  'SECONDARY',
  'SECONDARY',
  'BACCALAUREATE',
  'HIGHER',
] as const;

type Phase = 'SELECTION' | 'INCUBATION' | 'POST_INCUBATION' | 'EXITED' | 'ABANDONED';

interface Cohort extends CohortPlan {
  id: string;
  selection: string;
}

interface Venture {
  id: string;
  index: number;
  cohort: Cohort;
  founders: string[];
  coachId: string;
  abandonedOn: string | null;
  formalisedOn: string | null;
  exitedOn: string | null;
  phase: Phase;
}

interface JobsCount {
  venture: Venture;
  counted_on: string;
  full_time: number;
  temporary: number;
}

const clamp = (day: string, from: string, until: string) => (day < from ? from : day > until ? until : day);
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** A day between `from` and `until` (both included), moved off the weekend. */
function dayIn(random: Random, from: string, until: string): string {
  const day = addDays(from, random.int(0, Math.max(0, daysBetween(from, until))));
  const weekday = isoWeekday(day);
  const moved = weekday === 6 ? addDays(day, -1) : weekday === 7 ? addDays(day, 1) : day;
  return clamp(moved, from, until);
}

/** Where a venture that stayed the course stands on `day`. */
function phaseOn(cohort: CohortPlan, day: string): Phase {
  if (cohort.exit <= day) return 'EXITED';
  if (cohort.postIncubation <= day) return 'POST_INCUBATION';
  if (cohort.incubation <= day) return 'INCUBATION';
  return 'SELECTION';
}

export async function seedIncubator(demo: DemoTenant): Promise<void> {
  const plan = PLANS[demo.slug];
  if (!plan) return;
  const { tenantId, directorId } = demo;
  const today = todayIn('Africa/Casablanca');
  // One generator per purpose: what shapes 2024 never shifts with what depends on today.
  const rng = (purpose: number) => generator(plan.seed * 1000 + purpose);
  const perVenture = (purpose: number, index: number) =>
    generator(plan.seed * 1_000_000 + purpose * 10_000 + index);

  // ----- Coaches: the Casablanca demo coach signs in; the others are listed nowhere.
  const coachIds = plan.coaches.map(() => newId());
  const users = plan.coaches.map((name, i) => {
    const demoCoach = demo.slug === 'incubateur-casablanca' && i === 0;
    return {
      id: coachIds[i]!,
      display_name: name,
      email: demoCoach ? DEMO_COACH.email : `coach${i + 1}.${demo.slug}@demo.maalem.ma`,
      password_hash: demoCoach ? demo.passwordHash : null,
      locale: 'fr-MA',
    };
  });
  await demo.owner.insertInto('app_user').values(users).execute();
  if (demo.slug === 'incubateur-casablanca')
    demo.accounts.push({
      who: 'coach, Casablanca incubator',
      signIn: DEMO_COACH.email,
      secret: DEMO_PASSWORD,
    });

  // ----- Cohorts, ventures and their founders.
  const cohorts: Cohort[] = plan.cohorts.map((c) => ({
    ...c,
    id: newId(),
    selection: addDays(c.incubation, -56),
  }));
  const people: Record<string, unknown>[] = [];
  const ventureRows: Record<string, unknown>[] = [];
  const founderRows: Record<string, unknown>[] = [];
  const eventRows: Record<string, unknown>[] = [];
  const ventures: Venture[] = [];
  const shape = rng(1);
  let serial = 0;
  const otherCoaches = coachIds.slice(demo.slug === 'incubateur-casablanca' ? 1 : 0);

  for (const cohort of cohorts) {
    const total = cohort.ventures + cohort.abandoned;
    const formalised = cohort.formalised ?? cohort.ventures;
    const by2024 = cohort.formalisedBy2024 ?? formalised;
    // Which of the cohort's places are abandoned, and in which order the others are formalised.
    const abandonedAt = new Set(shape.shuffle([...Array(total).keys()]).slice(0, cohort.abandoned));
    let stayed = 0;
    for (let place = 0; place < total; place++) {
      const index = ventures.length;
      const random = perVenture(1, index);
      const founders: string[] = [];
      const count = random.next() < 0.75 ? 1 : random.next() < 0.8 ? 2 : 3;
      for (let f = 0; f < count; f++) {
        const names = personNames(random, random.next() < 0.56 ? 'F' : 'M');
        const id = newId();
        serial++;
        founders.push(id);
        people.push({
          tenant_id: tenantId,
          id,
          ...names,
          // 18 to 35 on the day they were selected.
          birth_date: someDayOf(random, Number(cohort.selection.slice(0, 4)) - random.int(19, 34)),
          cin: `${plan.cinPrefix}${String(100000 + serial).slice(-6)}`,
          phone: `+2126${String(plan.seed * 10000 + serial)
            .padStart(8, '0')
            .slice(-8)}`,
          school_level: random.pick(SCHOOL_LEVELS),
          province: random.pick(plan.provinces),
        });
      }
      const [sector, names] = random.pick(plan.sectors);
      const lead = people[people.length - count]!;
      const name = `${random.pick(names)} ${lead.first_name_latin} ${String(lead.last_name_latin)}`;

      const id = newId();
      const coachId =
        demo.slug === 'incubateur-casablanca' && cohort.number === 7 && place < DEMO_COACH.ventures
          ? coachIds[0]!
          : otherCoaches[(cohort.number + place) % otherCoaches.length]!;
      const events: { from: Phase | null; to: Phase; on: string; reason?: string }[] = [
        { from: null, to: 'SELECTION', on: cohort.selection },
      ];
      let abandonedOn: string | null = null;
      let formalisedOn: string | null = null;
      let exitedOn: string | null = null;
      let phase: Phase;
      const abandonDraw = random.next();
      const formaliseDraw = random.int(0, 10_000);
      if (abandonedAt.has(place)) {
        // Dropped out during selection (two in five) or incubation, before today.
        const until = earlier(addDays(today, -1), addDays(cohort.postIncubation, -1));
        abandonedOn =
          abandonDraw < 0.4
            ? dayIn(random, addDays(cohort.selection, 14), earlier(addDays(cohort.incubation, -1), until))
            : dayIn(random, addDays(cohort.incubation, 30), later(addDays(cohort.incubation, 30), until));
        abandonedOn = earlier(abandonedOn, until);
        const reached = phaseOn(cohort, abandonedOn);
        if (reached !== 'SELECTION')
          events.push({ from: 'SELECTION', to: 'INCUBATION', on: cohort.incubation });
        events.push({
          from: reached,
          to: 'ABANDONED',
          on: abandonedOn,
          reason: random.pick(ABANDON_REASONS),
        });
        phase = 'ABANDONED';
      } else {
        const order = stayed++;
        phase = phaseOn(cohort, today);
        if (phase !== 'SELECTION')
          events.push({ from: 'SELECTION', to: 'INCUBATION', on: cohort.incubation });
        if (phase === 'POST_INCUBATION' || phase === 'EXITED')
          events.push({ from: 'INCUBATION', to: 'POST_INCUBATION', on: cohort.postIncubation });
        if (phase === 'EXITED') {
          exitedOn = cohort.exit;
          events.push({ from: 'POST_INCUBATION', to: 'EXITED', on: exitedOn });
        }
        if (order < formalised) {
          const from = addDays(cohort.incubation, 75);
          const windowEnd = earlier(addDays(cohort.postIncubation, 180), addDays(cohort.exit, -1));
          const [start, end] =
            order < by2024
              ? [from, earlier(windowEnd, `${YEAR}-12-20`)]
              : [later(from, `${YEAR + 1}-01-06`), earlier(addDays(cohort.postIncubation, 240), today)];
          if (start <= end) formalisedOn = dayIn(generator(formaliseDraw), start, end);
        }
      }
      ventures.push({ id, index, cohort, founders, coachId, abandonedOn, formalisedOn, exitedOn, phase });
      ventureRows.push({
        tenant_id: tenantId,
        id,
        name,
        sector,
        description:
          phase === 'ABANDONED'
            ? null
            : `${sector} : projet ${count > 1 ? 'collectif' : 'individuel'} accompagné par l’incubateur.`,
        cohort_id: cohort.id,
        phase,
        legal_form: formalisedOn ? random.pick(LEGAL_FORMS) : null,
        formalised_on: formalisedOn,
        exited_on: exitedOn,
        coach_user_id: coachId,
        province: lead.province,
        created_at: `${cohort.selection}T09:00:00Z`,
      });
      for (const [f, personId] of founders.entries())
        founderRows.push({
          tenant_id: tenantId,
          id: newId(),
          venture_id: id,
          person_id: personId,
          is_lead: f === 0,
        });
      for (const e of events)
        eventRows.push({
          tenant_id: tenantId,
          id: newId(),
          venture_id: id,
          from_phase: e.from,
          to_phase: e.to,
          on_date: e.on,
          reason: e.reason ?? null,
          actor_user_id: directorId,
          at: `${e.on}T10:00:00Z`,
        });
    }
  }

  // ----- Jobs and survival after exit. Ventures that exited by the end of 2023 have had a check by
  // the end of 2024; one in twenty of them closed (in the first years, as young businesses do).
  const jobs: JobsCount[] = [];
  const checkRows: Record<string, unknown>[] = [];
  const veterans = ventures.filter((v) => v.exitedOn !== null && v.exitedOn <= `${YEAR - 1}-12-31`);
  const veteranIds = new Set(veterans.map((v) => v.id));
  const closing = new Set(
    rng(2)
      .shuffle([...veterans])
      .slice(0, Math.floor(veterans.length * (1 - INCUBATOR_REPORT_2024.survivalRate)))
      .map((v) => v.id),
  );
  for (const venture of ventures) {
    if (!venture.formalisedOn) continue;
    const random = perVenture(2, venture.index);
    let fullTime = random.next() < 0.2 ? 2 : 1;
    let temporary = random.next() < 0.3 ? 1 : 0;
    jobs.push({ venture, counted_on: venture.formalisedOn, full_time: fullTime, temporary });
    const growth = [random.next(), random.next(), random.next()];
    // Every check is drawn, whether or not its day has come, so later draws never shift.
    const checks = [1, 2, 3, 4, 5].map((k) => ({
      k,
      offset: random.int(3, 75),
      unreachable: random.next() < 0.03,
      temporary: random.int(0, 2),
    }));
    const youngClosure = random.next() < 0.025;
    const closureDraw = random.int(1, 3);
    if (!venture.exitedOn) continue;
    fullTime += growth[0]! < 0.3 ? 1 : 0;
    temporary = growth[1]! < 0.4 ? 1 : growth[2]! < 0.15 ? 2 : 0;
    jobs.push({ venture, counted_on: venture.exitedOn, full_time: fullTime, temporary });

    // The check year in which it closed: among those made by the end of 2024 for a veteran.
    let closedAt: number | null = null;
    if (closing.has(venture.id)) {
      const byYearEnd = checks.filter(
        (c) => addDays(addMonths(venture.exitedOn!, 12 * c.k), c.offset) <= YEAR_END,
      );
      closedAt = Math.min(closureDraw, Math.max(1, byYearEnd.length));
    } else if (!veteranIds.has(venture.id) && youngClosure) closedAt = 1;
    for (const check of checks) {
      const day = addDays(addMonths(venture.exitedOn, 12 * check.k), check.offset);
      if (day > today) break;
      const active = closedAt === null || check.k < closedAt;
      // Someone unreachable one year is tried again the next; a closure is always recorded.
      if (check.unreachable && check.k !== closedAt) continue;
      checkRows.push({
        tenant_id: tenantId,
        id: newId(),
        venture_id: venture.id,
        years_after_exit: check.k,
        checked_on: day,
        active,
        notes: active ? null : check.k === closedAt ? 'Activité arrêtée' : 'Toujours fermée',
        recorded_by: directorId,
      });
      if (active) jobs.push({ venture, counted_on: day, full_time: fullTime, temporary: check.temporary });
      else if (check.k === closedAt) jobs.push({ venture, counted_on: day, full_time: 0, temporary: 0 });
    }
  }
  adjustJobs(jobs, plan.targets.jobs, rng(3));

  // ----- Funding: exactly the report's young entrepreneurs financed in 2024, others around formalisation.
  const fundingRows: Record<string, unknown>[] = [];
  const fund = (random: Random, venture: Venture, day: string) => {
    const option = random.pick(FUNDING);
    fundingRows.push({
      tenant_id: tenantId,
      id: newId(),
      venture_id: venture.id,
      amount_mad: String(random.int(option.min, option.max) * 1000),
      source: random.pick(option.sources),
      kind: option.kind,
      received_on: day,
      recorded_by: directorId,
    });
  };
  const financing = rng(4);
  let toFinance = plan.targets.peopleFinanced;
  for (const venture of financing.shuffle([...ventures])) {
    const active =
      venture.phase !== 'ABANDONED' &&
      venture.cohort.incubation <= `${YEAR}-11-01` &&
      venture.cohort.exit >= `${YEAR - 1}-01-01`;
    if (!active || venture.founders.length > toFinance) continue;
    toFinance -= venture.founders.length;
    fund(
      financing,
      venture,
      dayIn(financing, later(`${YEAR}-01-02`, addDays(venture.cohort.incubation, 30)), `${YEAR}-12-20`),
    );
    if (financing.next() < 0.2) fund(financing, venture, dayIn(financing, `${YEAR}-01-02`, `${YEAR}-12-20`));
    if (toFinance === 0) break;
  }
  if (toFinance !== 0)
    throw new Error(`demo: ${demo.slug} cannot finance ${plan.targets.peopleFinanced} people in ${YEAR}`);
  for (const venture of ventures) {
    const random = perVenture(3, venture.index);
    const day = venture.formalisedOn ? addDays(venture.formalisedOn, random.int(10, 120)) : null;
    if (random.next() < 0.3 && day && day <= today && day.slice(0, 4) !== String(YEAR))
      fund(random, venture, day);
  }

  // ----- Coaching: 2024 exactly as reported; other years at the same pace, up to today.
  const sessionRows: Record<string, unknown>[] = [];
  const coachedUntil = (v: Venture) =>
    earlier(v.abandonedOn ?? v.cohort.exit, today) < v.cohort.incubation
      ? null
      : earlier(v.abandonedOn ?? v.cohort.exit, today);
  const overlap = (v: Venture, year: number): [string, string] | null => {
    const until = coachedUntil(v);
    if (!until) return null;
    const from = later(v.cohort.incubation, `${year}-01-01`);
    const to = earlier(until, `${year}-12-31`);
    return from <= to ? [from, to] : null;
  };
  const session = (random: Random, v: Venture, day: string, recent = false) =>
    sessionRows.push({
      tenant_id: tenantId,
      id: newId(),
      venture_id: v.id,
      coach_user_id: v.coachId,
      held_on: day,
      minutes: random.pick([45, 60, 60, 90, 90, 120]),
      topic: random.pick(TOPICS),
      notes: recent || random.next() < 0.3 ? 'Point sur l’activité et les chiffres du mois.' : null,
      next_steps: recent || random.next() < 0.5 ? random.pick(NEXT_STEPS) : null,
    });
  const exposure2024 = ventures.map((v) => {
    const window = overlap(v, YEAR);
    return window ? daysBetween(window[0], window[1]) + 1 : 0;
  });
  const totalExposure = exposure2024.reduce((a, b) => a + b, 0);
  const perDay = plan.targets.coachingSessions / totalExposure;
  const coaching2024 = rng(5);
  apportion(plan.targets.coachingSessions, exposure2024).forEach((n, i) => {
    const v = ventures[i]!;
    const window = overlap(v, YEAR);
    for (let s = 0; s < n && window; s++) session(coaching2024, v, dayIn(coaching2024, window[0], window[1]));
  });
  for (const v of ventures) {
    const random = perVenture(4, v.index);
    const until = coachedUntil(v);
    if (!until) continue;
    for (let year = Number(v.cohort.incubation.slice(0, 4)); year <= Number(until.slice(0, 4)); year++) {
      const window = overlap(v, year);
      if (year === YEAR || !window) continue;
      const n = Math.floor((daysBetween(window[0], window[1]) + 1) * perDay + random.next());
      for (let s = 0; s < n; s++) session(random, v, dayIn(random, window[0], window[1]));
    }
  }
  // The demo coach met each of their entrepreneurs in the last three weeks.
  if (demo.slug === 'incubateur-casablanca') {
    const random = rng(6);
    for (const v of ventures.filter((x) => x.coachId === coachIds[0] && x.phase !== 'ABANDONED')) {
      const day = addDays(today, -random.int(1, 21));
      if (day > YEAR_END && day >= v.cohort.incubation) session(random, v, day, true);
    }
  }

  // ----- The four training modules, for the founders of the current cohort.
  const current = cohorts.at(-1)!;
  const learners = ventures
    .filter((v) => v.cohort === current && v.phase !== 'ABANDONED')
    .flatMap((v) => v.founders);
  const courseRows: Record<string, unknown>[] = [];
  const courseSessionRows: Record<string, unknown>[] = [];
  const registrationRows: Record<string, unknown>[] = [];
  const attendanceRows: Record<string, unknown>[] = [];
  const training = rng(7);
  const city = (
    await demo.owner.selectFrom('tenant').select('city').where('id', '=', tenantId).executeTakeFirstOrThrow()
  ).city;
  MODULES.forEach((module, m) => {
    const courseId = newId();
    const days = [0, 7, 14].map((d) => addDays(current.incubation, 21 + m * 49 + d));
    const held = days.filter((d) => d <= today);
    courseRows.push({
      tenant_id: tenantId,
      id: courseId,
      title_fr: `${module.fr} — Cohorte ${current.number}`,
      title_ar: `${module.ar} — الفوج ${current.number}`,
      training_line: module.fr,
      topic: module.fr,
      audience: 'ENTREPRENEURS',
      partners: [],
      mode: 'IN_PERSON',
      city,
      capacity: learners.length + 10,
      price_mad: '0',
      status: held.length === days.length ? 'CLOSED' : 'OPEN',
      created_at: `${addDays(days[0]!, -30)}T09:00:00Z`,
    });
    const sessionIds = days.map((day) => {
      const id = newId();
      courseSessionRows.push({
        tenant_id: tenantId,
        id,
        course_id: courseId,
        day,
        starts_at: '09:00',
        ends_at: '16:00',
        days: '1',
        hours: '6',
        place: `Salle de formation de l’incubateur — ${city}`,
      });
      return id;
    });
    for (const personId of learners) {
      const registrationId = newId();
      let present = 0;
      held.forEach((_, s) => {
        const here = training.next() < 0.9;
        present += here ? 1 : 0;
        attendanceRows.push({
          tenant_id: tenantId,
          id: newId(),
          course_session_id: sessionIds[s]!,
          registration_id: registrationId,
          present: here,
          recorded_by: directorId,
          recorded_at: `${held[s]}T16:00:00Z`,
        });
      });
      // The courses module's rule: completed once attendance reaches 80 % of the sessions.
      const completed = held.length > 0 && present >= 0.8 * days.length;
      registrationRows.push({
        tenant_id: tenantId,
        id: registrationId,
        course_id: courseId,
        person_id: personId,
        status: completed ? 'COMPLETED' : 'REGISTERED',
        status_changed_at: `${completed ? held.at(-1) : addDays(days[0]!, -20)}T17:00:00Z`,
        created_at: `${addDays(days[0]!, -20)}T09:00:00Z`,
      });
    }
  });

  await withTenant(demo.owner, tenantId, async (tx) => {
    await tx
      .insertInto('membership')
      .values(
        coachIds.map((userId) => ({ tenant_id: tenantId, id: newId(), user_id: userId, role: 'COACH' })),
      )
      .execute();
    const tradeId = newId();
    const programmeId = newId();
    await tx
      .insertInto('trade')
      .values({
        tenant_id: tenantId,
        id: tradeId,
        code: 'ENTREPRENEURSHIP',
        name_fr: 'Entrepreneuriat',
        name_ar: 'المقاولة',
      })
      .execute();
    await tx
      .insertInto('programme')
      .values({
        tenant_id: tenantId,
        id: programmeId,
        trade_id: tradeId,
        name_fr: plan.programme.fr,
        name_ar: plan.programme.ar,
        duration_months: 30,
        min_age: 18,
        max_age: 35,
      })
      .execute();
    await insertInChunks(
      tx,
      'cohort',
      cohorts.map((c) => ({
        tenant_id: tenantId,
        id: c.id,
        programme_id: programmeId,
        label: `Cohorte ${c.number}`,
        starts_on: c.selection,
        ends_on: c.exit,
        capacity: c.ventures + c.abandoned + 20,
        phase: phaseOn(c, today),
      })),
    );
    await insertInChunks(tx, 'person', people);
    await insertInChunks(tx, 'venture', ventureRows);
    await insertInChunks(tx, 'venture_founder', founderRows);
    await insertInChunks(tx, 'venture_event', eventRows);
    await insertInChunks(
      tx,
      'venture_jobs',
      jobs.map(({ venture, ...count }) => ({
        tenant_id: tenantId,
        id: newId(),
        venture_id: venture.id,
        ...count,
      })),
    );
    await insertInChunks(tx, 'survival_check', checkRows);
    await insertInChunks(tx, 'venture_funding', fundingRows);
    await insertInChunks(tx, 'coaching_session', sessionRows);
    await insertInChunks(tx, 'course', courseRows);
    await insertInChunks(tx, 'course_session', courseSessionRows);
    await insertInChunks(tx, 'registration', registrationRows);
    await insertInChunks(tx, 'course_attendance', attendanceRows);
    // Fresh bulk loads have no statistics until autovacuum comes by; the indicators need them.
    await sql`analyze person, venture, venture_founder, venture_event, venture_jobs, survival_check,
                      venture_funding, coaching_session`.execute(tx);
  });
}

/**
 * Sets the jobs counted by the end of 2024 to exactly `target`: one job more (or fewer) at a time
 * on the latest 2024 count of ventures still trading, temporary jobs first when removing.
 */
function adjustJobs(jobs: JobsCount[], target: number, random: Random): void {
  const latest = new Map<Venture, JobsCount>();
  for (const count of jobs) {
    if (count.counted_on > YEAR_END) continue;
    const seen = latest.get(count.venture);
    if (!seen || seen.counted_on < count.counted_on) latest.set(count.venture, count);
  }
  const trading = random.shuffle([...latest.values()].filter((c) => c.full_time + c.temporary > 0));
  let missing = target - [...latest.values()].reduce((sum, c) => sum + c.full_time + c.temporary, 0);
  let idle = 0;
  for (let i = 0; missing !== 0; i = (i + 1) % trading.length) {
    // A whole round without a change: the target cannot be reached.
    if (idle++ > trading.length) throw new Error(`demo: cannot bring ${YEAR}'s jobs to ${target}`);
    const count = trading[i]!;
    if (missing > 0) {
      count.temporary += 1;
      missing -= 1;
      idle = 0;
    } else if (count.temporary > 0) {
      count.temporary -= 1;
      missing += 1;
      idle = 0;
    } else if (count.full_time > 1) {
      count.full_time -= 1;
      missing += 1;
      idle = 0;
    }
  }
}

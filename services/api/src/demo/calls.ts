import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Database } from '../db/connect.js';
import type { DB } from '../db/tables.generated.js';
import { type Tx, withTenant } from '../db/with-tenant.js';
import { newId } from '../lib/ids.js';
import { addDays, ageOn } from '../lib/time.js';
import { computeRanking } from '../modules/calls/ranking.js';
import { DEMO_PASSWORD, type DemoTenant } from './demo-tenant.js';
import { generator, insertInChunks, pad, personNames, type Random, someDayOf } from './generate.js';

// Calls with a jury. The micro-credit centre's national micro-entrepreneur prize of 2024, with
// its results published (345 candidates, six categories, 24 laureates), and the Casablanca
// incubator's selection of its eighth cohort, closed, with one juror (the demo account) who
// has not scored anything yet: a visitor signs in as them, scores, and watches the ranking move.
// The Oujda incubator ran a regional grant programme (40 winners of 338 applicants).
// Set-based inserts; the results are the module's own ranking, read back as the service reads it.

interface CallSpec {
  kind: 'PRIZE' | 'INCUBATOR_SELECTION' | 'GRANT';
  titleFr: string;
  titleAr: string;
  description: string;
  opensOn: string;
  closesOn: string;
  closedAt: Date;
  publishedAt: Date | null;
  minAge: number | null;
  maxAge: number | null;
  applicantKinds: string[];
  requiredDocuments: string[];
  provinces: string[];
  categories: { fr: string; ar: string; places: number; applications: number }[];
  criteria: { fr: string; ar: string; weight: number }[];
}

interface Candidate {
  personId: string;
  submittedOn: string;
  categoryIndex: number;
  quality: number;
  name: string;
}

interface Juror {
  seatId: string;
  /** How this juror marks: some are severe, some generous, some spread their marks wide. */
  bias: number;
  spread: number;
  /** Scores nothing (the demo juror of the incubator's selection). */
  idle?: boolean;
}

interface Seeded {
  callId: string;
  criterionIds: string[];
  applicationIds: string[];
}

/** People, applications (with their documents) and the call with its categories and criteria. */
async function seedCall(
  tx: Tx,
  tenantId: string,
  createdBy: string,
  spec: CallSpec,
  candidates: readonly (Candidate & {
    person: Insertable<DB['person']>;
    submittedOn: string;
    title: string;
  })[],
): Promise<Seeded> {
  const callId = newId();
  await tx
    .insertInto('call')
    .values({
      tenant_id: tenantId,
      id: callId,
      kind: spec.kind,
      title_fr: spec.titleFr,
      title_ar: spec.titleAr,
      description: spec.description,
      opens_on: spec.opensOn,
      closes_on: spec.closesOn,
      status: spec.publishedAt ? 'PUBLISHED' : 'CLOSED',
      min_age: spec.minAge,
      max_age: spec.maxAge,
      applicant_kinds: spec.applicantKinds,
      required_documents: spec.requiredDocuments,
      provinces: spec.provinces,
      score_min: '0.00',
      score_max: '20.00',
      created_by: createdBy,
      created_at: new Date(`${addDays(spec.opensOn, -20)}T10:00:00Z`),
      closed_at: spec.closedAt,
      published_at: spec.publishedAt,
    })
    .execute();
  const categoryIds = spec.categories.map(() => newId());
  await tx
    .insertInto('call_category')
    .values(
      spec.categories.map((c, i) => ({
        tenant_id: tenantId,
        id: categoryIds[i]!,
        call_id: callId,
        name_fr: c.fr,
        name_ar: c.ar,
        places: c.places,
        position: i,
      })),
    )
    .execute();
  const criterionIds = spec.criteria.map(() => newId());
  await tx
    .insertInto('call_criterion')
    .values(
      spec.criteria.map((c, i) => ({
        tenant_id: tenantId,
        id: criterionIds[i]!,
        call_id: callId,
        name_fr: c.fr,
        name_ar: c.ar,
        weight: c.weight.toFixed(2),
        position: i,
      })),
    )
    .execute();

  await insertInChunks(
    tx,
    'person',
    candidates.map((c) => c.person),
  );
  const applicationIds = candidates.map(() => newId());
  await insertInChunks(
    tx,
    'application',
    candidates.map((c, i) => ({
      tenant_id: tenantId,
      id: applicationIds[i]!,
      call_id: callId,
      category_id: categoryIds[c.categoryIndex]!,
      person_id: c.personId,
      title: c.title,
      summary: null,
      status: 'SUBMITTED',
      submitted_on: c.submittedOn,
      created_by: createdBy,
      // Minutes apart within a day: ranking ties go to the earlier application.
      created_at: new Date(`${c.submittedOn}T09:${pad(i % 60)}:00Z`),
    })),
  );
  // A small stand-in for each required scan: enough to download and check its digest.
  await insertInChunks(
    tx,
    'application_document',
    candidates.flatMap((c, i) =>
      spec.requiredDocuments.map((kind) => {
        const content = Buffer.from(`${kind} — ${c.name} (document de démonstration)\n`);
        return {
          tenant_id: tenantId,
          id: newId(),
          application_id: applicationIds[i]!,
          kind,
          file_name: `${kind.toLowerCase()}.txt`,
          content_type: 'text/plain',
          size_bytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
        };
      }),
    ),
  );
  return { callId, criterionIds, applicationIds };
}

/** Jury members: accounts with a JUROR membership and a seat on the call. */
async function seatJury(
  owner: Database,
  tenantId: string,
  callId: string,
  people: readonly { email: string; name: string; passwordHash: string | null }[],
): Promise<string[]> {
  const users = people.map((p) => ({
    id: newId(),
    display_name: p.name,
    email: p.email,
    password_hash: p.passwordHash,
    locale: 'fr-MA',
  }));
  await owner.insertInto('app_user').values(users).execute();
  const seats = users.map(() => newId());
  await withTenant(owner, tenantId, async (tx) => {
    await tx
      .insertInto('membership')
      .values(users.map((u) => ({ tenant_id: tenantId, id: newId(), user_id: u.id, role: 'JUROR' })))
      .execute();
    await tx
      .insertInto('call_juror')
      .values(users.map((u, i) => ({ tenant_id: tenantId, id: seats[i]!, call_id: callId, user_id: u.id })))
      .execute();
  });
  return seats;
}

/**
 * Every juror's evaluation of every application (submitted), except where they declared a
 * conflict or are idle. A juror's mark follows the application's quality through their own
 * bias and spread, in half points.
 */
async function seedEvaluations(
  tx: Tx,
  tenantId: string,
  random: Random,
  seeded: Seeded,
  candidates: readonly Candidate[],
  jurors: readonly Juror[],
  conflicts: ReadonlySet<string>,
  submittedAt: (i: number) => Date,
): Promise<void> {
  const evaluations: Insertable<DB['evaluation']>[] = [];
  const scores: Insertable<DB['evaluation_score']>[] = [];
  const declared: Insertable<DB['juror_conflict']>[] = [];
  candidates.forEach((candidate, i) => {
    const applicationId = seeded.applicationIds[i]!;
    for (const [j, juror] of jurors.entries()) {
      if (conflicts.has(`${i}:${j}`)) {
        declared.push({
          tenant_id: tenantId,
          id: newId(),
          application_id: applicationId,
          juror_id: juror.seatId,
          reason: random.pick([
            'Le candidat est un parent proche.',
            'J’ai accompagné ce projet comme conseiller.',
            'Relation commerciale avec le candidat.',
          ]),
          declared_at: submittedAt(i),
        });
        continue;
      }
      if (juror.idle) continue;
      const evaluationId = newId();
      const at = submittedAt(i);
      evaluations.push({
        tenant_id: tenantId,
        id: evaluationId,
        application_id: applicationId,
        juror_id: juror.seatId,
        comment: null,
        submitted_at: at,
        created_at: at,
        updated_at: at,
      });
      for (const criterionId of seeded.criterionIds) {
        const raw =
          10 + (candidate.quality - 0.5) * 12 * juror.spread + juror.bias + (random.next() - 0.5) * 3;
        const value = Math.min(20, Math.max(0, Math.round(raw * 2) / 2));
        scores.push({
          tenant_id: tenantId,
          id: newId(),
          evaluation_id: evaluationId,
          criterion_id: criterionId,
          value: value.toFixed(2),
        });
      }
    }
  });
  await insertInChunks(tx, 'evaluation', evaluations);
  await insertInChunks(tx, 'evaluation_score', scores);
  await insertInChunks(tx, 'juror_conflict', declared);
}

/** Candidates as person records: Moroccan names in both scripts, a birth date, a province. */
function makeCandidates(
  random: Random,
  tenantId: string,
  spec: CallSpec,
  options: {
    provinces: readonly string[];
    ages: (categoryIndex: number) => [number, number];
    women: (categoryIndex: number) => number;
    titles: (categoryIndex: number) => readonly string[];
  },
) {
  const out: (Candidate & { person: Insertable<DB['person']>; title: string })[] = [];
  const windowDays = Math.round((Date.parse(spec.closesOn) - Date.parse(spec.opensOn)) / 86_400_000);
  spec.categories.forEach((category, categoryIndex) => {
    for (let n = 0; n < category.applications; n++) {
      const names = personNames(random, random.next() < options.women(categoryIndex) ? 'F' : 'M');
      const [minAge, maxAge] = options.ages(categoryIndex);
      // Born so that the age on the closing day falls in the band.
      const age = random.int(minAge, maxAge);
      const birthYear = Number(spec.closesOn.slice(0, 4)) - age - 1;
      let birth = someDayOf(random, birthYear);
      if (ageOn(birth, spec.closesOn) > maxAge) birth = `${birthYear + 1}${birth.slice(4)}`;
      const personId = newId();
      const name = `${names.first_name_latin} ${names.last_name_latin}`;
      out.push({
        personId,
        categoryIndex,
        quality: random.next(),
        name,
        submittedOn: addDays(spec.opensOn, random.int(0, windowDays)),
        title: random.pick(options.titles(categoryIndex)),
        person: {
          tenant_id: tenantId,
          id: personId,
          ...names,
          birth_date: birth,
          province: random.pick(options.provinces),
        },
      });
    }
  });
  return out;
}

/** A jury member of a demo call, and how they mark (see Juror). */
interface DemoJuror {
  email: string;
  name: string;
  passwordHash: string | null;
  bias: number;
  spread: number;
  idle?: boolean;
}

interface DemoCall {
  /** The generator's seed: the same call comes out of every run. */
  seed: number;
  spec: CallSpec;
  candidates: Parameters<typeof makeCandidates>[3];
  jury: readonly DemoJuror[];
  /** `application:juror` indexes where the juror declared a conflict. */
  conflicts: ReadonlySet<string>;
  /** When the evaluations of the i-th candidate were submitted. */
  submittedAt: (i: number, candidate: Candidate) => Date;
  /** More to write about the call, in the transaction that wrote it. */
  afterCall?: (tx: Tx, seeded: Seeded) => Promise<void>;
}

/**
 * One call from candidates to evaluations, the same way for every demo call; a call with a
 * publication day gets its results too. The generator is drawn from in one order (candidates,
 * then marks), so a call's figures never depend on another's.
 */
async function seedJuriedCall(demo: DemoTenant, call: DemoCall): Promise<void> {
  const random = generator(call.seed);
  const candidates = makeCandidates(random, demo.tenantId, call.spec, call.candidates);
  const seeded = await withTenant(demo.owner, demo.tenantId, async (tx) => {
    const result = await seedCall(tx, demo.tenantId, demo.directorId, call.spec, candidates);
    await call.afterCall?.(tx, result);
    return result;
  });
  const seats = await seatJury(demo.owner, demo.tenantId, seeded.callId, call.jury);
  const jurors: Juror[] = call.jury.map(({ bias, spread, idle }, i) => ({
    seatId: seats[i]!,
    bias,
    spread,
    idle,
  }));
  await withTenant(demo.owner, demo.tenantId, async (tx) => {
    await seedEvaluations(tx, demo.tenantId, random, seeded, candidates, jurors, call.conflicts, (i) =>
      call.submittedAt(i, candidates[i]!),
    );
    if (call.spec.publishedAt) await publishResults(tx, seeded.callId);
  });
}

// ---------------------------------------------------------------------------------------------
// The national micro-entrepreneur prize, 2024: results published.
// ---------------------------------------------------------------------------------------------

export const PRIZE_2024 = { candidates: 345, laureates: 24, jurors: 6 } as const;

const PRIZE: CallSpec = {
  kind: 'PRIZE',
  titleFr: 'Prix national du micro-entrepreneur 2024',
  titleAr: 'الجائزة الوطنية للمقاول الصغير 2024',
  description:
    'Récompense les micro-entrepreneurs bénéficiaires de microcrédit dont l’activité se distingue par sa viabilité, ses emplois et son impact.',
  opensOn: '2024-03-01',
  closesOn: '2024-05-31',
  closedAt: new Date('2024-06-01T08:00:00Z'),
  publishedAt: new Date('2024-07-10T10:00:00Z'),
  minAge: 18,
  maxAge: null,
  applicantKinds: ['PERSON'],
  requiredDocuments: ['CIN', 'ATTESTATION_MICROCREDIT'],
  provinces: [],
  // 345 candidates in all, four laureates per category.
  categories: [
    { fr: 'Artisanat', ar: 'الصناعة التقليدية', places: 4, applications: 78 },
    { fr: 'Agriculture et agroalimentaire', ar: 'الفلاحة والصناعة الغذائية', places: 4, applications: 64 },
    { fr: 'Commerce', ar: 'التجارة', places: 4, applications: 61 },
    { fr: 'Services', ar: 'الخدمات', places: 4, applications: 57 },
    { fr: 'Jeune entrepreneur', ar: 'المقاول الشاب', places: 4, applications: 45 },
    { fr: 'Femme entrepreneure', ar: 'المرأة المقاولة', places: 4, applications: 40 },
  ],
  criteria: [
    { fr: 'Viabilité économique', ar: 'الجدوى الاقتصادية', weight: 3 },
    { fr: 'Emplois et impact social', ar: 'مناصب الشغل والأثر الاجتماعي', weight: 3 },
    { fr: 'Innovation', ar: 'الابتكار', weight: 2 },
    { fr: 'Gestion et remboursement du microcrédit', ar: 'التدبير وسداد القرض الصغير', weight: 2 },
  ],
};

const PRIZE_TITLES: readonly (readonly string[])[] = [
  ['Atelier de poterie', 'Tissage de tapis', 'Broderie traditionnelle', 'Maroquinerie', 'Menuiserie d’art'],
  ['Élevage de poulets', 'Apiculture', 'Huile d’argan', 'Conserverie d’olives', 'Couscous roulé main'],
  ['Épicerie de quartier', 'Vente de tissus', 'Commerce de friperie', 'Boutique de cosmétiques'],
  ['Salon de coiffure', 'Atelier de couture', 'Réparation de téléphones', 'Traiteur', 'Pressing'],
  ['Vente en ligne d’artisanat', 'Atelier de sérigraphie', 'Snack', 'Cybercafé'],
  ['Pâtisserie marocaine', 'Coopérative de couscous', 'Atelier de couture', 'Crèche de quartier'],
];

const PRIZE_PROVINCES = [
  'Casablanca',
  'Casablanca',
  'Casablanca',
  'Mohammedia',
  'Settat',
  'El Jadida',
  'Rabat',
  'Salé',
  'Fès',
  'Marrakech',
  'Agadir Ida-Outanane',
  'Oujda-Angad',
  'Tanger-Assilah',
  'Béni Mellal',
  'Meknès',
];

function seedPrize(demo: DemoTenant): Promise<void> {
  const experts = [
    'Pr. Nadia Bennis — ENCG Casablanca',
    'M. Karim Lahlou — expert-comptable',
    'Mme Siham Tazi — Fédération nationale des associations de microcrédit',
    'M. Rachid Amrani — Chambre de commerce',
    'Mme Houda Berrada — entrepreneure, lauréate 2019',
    'M. Omar Sqalli — Maison de l’artisan',
  ];
  return seedJuriedCall(demo, {
    seed: 2024_0345,
    spec: PRIZE,
    candidates: {
      provinces: PRIZE_PROVINCES,
      ages: (c) => (c === 4 ? [20, 30] : [24, 58]),
      women: (c) => (c === 5 ? 1 : c === 0 ? 0.6 : 0.4),
      titles: (c) => PRIZE_TITLES[c]!,
    },
    jury: experts.map((name, i) => ({
      email: `jure${i + 1}@prix.demo.maalem.ma`,
      name,
      passwordHash: demo.passwordHash,
      bias: [-2, 1.5, 0, -1, 2.5, 0.5][i]!,
      spread: [0.8, 1.2, 1, 0.6, 1.4, 1][i]!,
    })),
    // A handful of declared conflicts, never two on one application.
    conflicts: new Set(['3:0', '41:2', '97:5', '150:1', '203:3', '288:4', '330:2']),
    submittedAt: (i) => new Date(`2024-06-${pad(3 + (i % 25))}T15:00:00Z`),
  });
}

/** The published results: the service's own ranking of the call, read back from what was written. */
async function publishResults(tx: Tx, callId: string): Promise<void> {
  const { ranking } = await computeRanking(tx, callId);
  const selected = ranking.entries.filter((e) => e.withinPlaces).map((e) => e.applicationId);
  await tx.updateTable('application').set({ status: 'SELECTED' }).where('id', 'in', selected).execute();
  await tx
    .updateTable('application')
    .set({ status: 'NOT_SELECTED' })
    .where('call_id', '=', callId)
    .where('status', '=', 'SUBMITTED')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// A regional grant programme in L'Oriental, 2024: 40 winners of 338 applicants, published.
// ---------------------------------------------------------------------------------------------

export const ORIENTAL_2024 = { applicants: 338, winners: 40 } as const;

const ORIENTAL_PROVINCES = [
  'Oujda-Angad',
  'Berkane',
  'Nador',
  'Taourirt',
  'Jerada',
  'Guercif',
  'Driouch',
  'Figuig',
];

const GRANT: CallSpec = {
  kind: 'GRANT',
  titleFr: 'Programme régional d’appui aux jeunes entrepreneurs de l’Oriental 2024',
  titleAr: 'البرنامج الجهوي لدعم المقاولين الشباب بجهة الشرق 2024',
  description:
    'Subvention de démarrage et accompagnement de douze mois pour les porteurs de projet de 18 à 40 ans résidant dans la région de l’Oriental.',
  opensOn: '2024-02-01',
  closesOn: '2024-03-31',
  closedAt: new Date('2024-04-01T08:00:00Z'),
  publishedAt: new Date('2024-05-15T10:00:00Z'),
  minAge: 18,
  maxAge: 40,
  applicantKinds: ['PERSON'],
  requiredDocuments: ['CIN', 'BUSINESS_PLAN'],
  provinces: ORIENTAL_PROVINCES,
  categories: [
    { fr: 'Agriculture et agro-industrie', ar: 'الفلاحة والصناعة الغذائية', places: 12, applications: 95 },
    { fr: 'Artisanat et production', ar: 'الصناعة التقليدية والإنتاج', places: 10, applications: 78 },
    { fr: 'Commerce et services', ar: 'التجارة والخدمات', places: 12, applications: 120 },
    { fr: 'Numérique', ar: 'الرقمي', places: 6, applications: 45 },
  ],
  criteria: [
    { fr: 'Viabilité du projet', ar: 'جدوى المشروع', weight: 3 },
    { fr: 'Emplois créés dans la région', ar: 'مناصب الشغل المحدثة بالجهة', weight: 3 },
    { fr: 'Profil du porteur', ar: 'مؤهلات حامل المشروع', weight: 2 },
  ],
};

const GRANT_TITLES: readonly (readonly string[])[] = [
  ['Unité de conditionnement d’agrumes', 'Élevage caprin', 'Pépinière', 'Apiculture', 'Huilerie'],
  ['Atelier de tissage', 'Menuiserie aluminium', 'Poterie', 'Atelier de confection'],
  ['Épicerie fine', 'Salon de coiffure', 'Agence de voyage', 'Transport de marchandises', 'Café'],
  ['Développement web', 'Boutique en ligne', 'Studio de production vidéo'],
];

function seedRegionalGrant(demo: DemoTenant): Promise<void> {
  const jury = [
    'M. Anas Ouazzani — Centre régional d’investissement',
    'Mme Asmae Bouzidi — Agence de l’Oriental',
    'M. Mehdi El Mansouri — banque partenaire',
    'Mme Imane Chraibi — Université Mohammed Premier',
  ];
  return seedJuriedCall(demo, {
    seed: 2024_0338,
    spec: GRANT,
    candidates: {
      provinces: ORIENTAL_PROVINCES,
      ages: () => [19, 40],
      women: () => 0.45,
      titles: (c) => GRANT_TITLES[c]!,
    },
    jury: jury.map((name, i) => ({
      email: `jure${i + 1}@oriental.demo.maalem.ma`,
      name,
      passwordHash: null,
      bias: [1, -1.5, 0, 0.5][i]!,
      spread: [1.1, 0.7, 1, 1.3][i]!,
    })),
    conflicts: new Set(['17:1', '120:3', '301:0']),
    submittedAt: (i) => new Date(`2024-04-${pad(2 + (i % 26))}T14:00:00Z`),
  });
}

// ---------------------------------------------------------------------------------------------
// The Casablanca incubator's selection of its eighth cohort: closed, the jury finishing.
// ---------------------------------------------------------------------------------------------

export const DEMO_JUROR_EMAIL = 'jure@demo.maalem.ma';

const SELECTION: CallSpec = {
  kind: 'INCUBATOR_SELECTION',
  titleFr: 'Sélection de la cohorte 8 (2026)',
  titleAr: 'انتقاء الفوج الثامن (2026)',
  description:
    'Jeunes porteurs de projet de 18 à 35 ans de la région de Casablanca-Settat : douze mois d’incubation, quatre modules de formation et un accompagnement individuel.',
  opensOn: '2026-09-15',
  closesOn: '2026-10-31',
  closedAt: new Date('2026-11-02T08:00:00Z'),
  publishedAt: null,
  minAge: 18,
  maxAge: 35,
  applicantKinds: ['PERSON', 'VENTURE'],
  requiredDocuments: ['CIN', 'BUSINESS_PLAN'],
  provinces: ['Casablanca', 'Mohammedia', 'Médiouna', 'Nouaceur', 'Berrechid'],
  categories: [
    { fr: 'Création d’activité', ar: 'إحداث نشاط', places: 12, applications: 26 },
    { fr: 'Développement d’une activité existante', ar: 'تطوير نشاط قائم', places: 8, applications: 14 },
  ],
  criteria: [
    { fr: 'Motivation et profil du porteur', ar: 'حافزية ومؤهلات حامل المشروع', weight: 3 },
    { fr: 'Viabilité du projet', ar: 'جدوى المشروع', weight: 3 },
    { fr: 'Emplois et impact local', ar: 'مناصب الشغل والأثر المحلي', weight: 2 },
    { fr: 'Maturité du projet', ar: 'نضج المشروع', weight: 2 },
  ],
};

async function seedSelection(demo: DemoTenant): Promise<void> {
  await seedJuriedCall(demo, {
    seed: 2026_0008,
    spec: SELECTION,
    candidates: {
      provinces: SELECTION.provinces,
      ages: () => [19, 35],
      women: () => 0.5,
      titles: (c) =>
        c === 0
          ? [
              'Application de livraison',
              'Atelier de couture',
              'Food truck',
              'Agence de communication',
              'Salle de sport',
            ]
          : [
              'Extension d’un atelier de menuiserie',
              'Boutique en ligne de cosmétiques',
              'Second point de vente',
            ],
    },
    jury: [
      {
        email: DEMO_JUROR_EMAIL,
        name: 'Juré de démonstration',
        passwordHash: demo.passwordHash,
        bias: 0,
        spread: 1,
        idle: true,
      },
      {
        email: 'jure.selection1@demo.maalem.ma',
        name: 'Mme Zineb El Idrissi — Réseau Entreprendre',
        passwordHash: null,
        bias: -1.5,
        spread: 0.9,
      },
      {
        email: 'jure.selection2@demo.maalem.ma',
        name: 'M. Youssef Chraibi — banquier',
        passwordHash: null,
        bias: 1,
        spread: 1.3,
      },
    ],
    conflicts: new Set(),
    // Scored within days of coming in, the last ones the day after the call closed.
    submittedAt: (i, candidate) => {
      const day = addDays(candidate.submittedOn, 1 + (i % 4));
      return new Date(`${day < '2026-11-01' ? day : '2026-11-01'}T16:00:00Z`);
    },
    // The cohort the admitted projects join, once the incubator's demo has set it up.
    afterCall: async (tx, seeded) => {
      const cohort = await tx
        .selectFrom('cohort')
        .select('id')
        .where('label', '=', 'Cohorte 8')
        .executeTakeFirst();
      if (cohort)
        await tx.updateTable('call').set({ cohort_id: cohort.id }).where('id', '=', seeded.callId).execute();
    },
  });
  demo.accounts.push({ who: 'juror, Casablanca incubator', signIn: DEMO_JUROR_EMAIL, secret: DEMO_PASSWORD });
}

/** Calls with a jury: the national prize, an incubator's selection, a regional grant programme. */
export async function seedCalls(demo: DemoTenant): Promise<void> {
  if (demo.slug === 'microcredit-casablanca') await seedPrize(demo);
  if (demo.slug === 'incubateur-casablanca') await seedSelection(demo);
  if (demo.slug === 'incubateur-oujda') await seedRegionalGrant(demo);
}

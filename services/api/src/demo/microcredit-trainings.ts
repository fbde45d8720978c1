import { sql } from 'kysely';
import type { Database } from '../db/connect.js';
import { withTenant } from '../db/with-tenant.js';
import { newId } from '../lib/ids.js';
import { addDays } from '../lib/time.js';
import { apportion, generator, insertInChunks, personNames, type Random, someDayOf } from './generate.js';

/**
 * The micro-credit support centre's short trainings. 2024 matches the foundation's published
 * report exactly: 4,913 participants and 845 training-days, in person across the country and
 * through e-learning. 2023 is invented for the demo (about 4,500 participants and 790 days) so
 * the year-on-year change has something to compare with. Deterministic: the same rows every time.
 */
export const MICROCREDIT_YEARS = {
  2024: { participants: 4913, trainingDays: 845, courses: 188, twice: 690, thrice: 200 },
  2023: { participants: 4478, trainingDays: 790, courses: 176, twice: 600, thrice: 170, returning: 1650 },
} as const;

type Audience = 'MFI_STAFF' | 'MICRO_ENTREPRENEURS' | 'TRAINERS';
type Mode = 'IN_PERSON' | 'E_LEARNING' | 'BLENDED';

// The centre's training lines; `weight` is their share of the courses, `days` a usual length.
const LINES: {
  fr: string;
  ar: string;
  audience: Audience;
  weight: number;
  days: number;
  online?: boolean;
}[] = [
  {
    fr: 'Gestion financière des AGR',
    ar: 'التدبير المالي للأنشطة المدرة للدخل',
    audience: 'MICRO_ENTREPRENEURS',
    weight: 14,
    days: 3,
  },
  {
    fr: 'Éducation financière',
    ar: 'التربية المالية',
    audience: 'MICRO_ENTREPRENEURS',
    weight: 16,
    days: 2,
    online: true,
  },
  { fr: 'Marketing et vente', ar: 'التسويق والبيع', audience: 'MICRO_ENTREPRENEURS', weight: 12, days: 3 },
  {
    fr: 'Gestion des risques de crédit',
    ar: 'تدبير مخاطر القروض',
    audience: 'MFI_STAFF',
    weight: 10,
    days: 5,
  },
  {
    fr: 'Protection des clients',
    ar: 'حماية الزبناء',
    audience: 'MFI_STAFF',
    weight: 9,
    days: 3,
    online: true,
  },
  {
    fr: 'Digitalisation des IMF',
    ar: 'رقمنة مؤسسات التمويل الأصغر',
    audience: 'MFI_STAFF',
    weight: 8,
    days: 4,
    online: true,
  },
  {
    fr: 'Leadership des agents de crédit',
    ar: 'قيادة أعوان القروض',
    audience: 'MFI_STAFF',
    weight: 7,
    days: 4,
  },
  {
    fr: 'Analyse du crédit et évaluation des AGR',
    ar: 'تحليل القروض وتقييم الأنشطة',
    audience: 'MFI_STAFF',
    weight: 8,
    days: 5,
  },
  {
    fr: 'Recouvrement et gestion des impayés',
    ar: 'التحصيل وتدبير المتأخرات',
    audience: 'MFI_STAFF',
    weight: 6,
    days: 3,
  },
  {
    fr: 'Lutte contre le blanchiment (LAB-FT)',
    ar: 'مكافحة غسل الأموال',
    audience: 'MFI_STAFF',
    weight: 5,
    days: 2,
    online: true,
  },
  {
    fr: 'Contrôle interne et audit',
    ar: 'المراقبة الداخلية والتدقيق',
    audience: 'MFI_STAFF',
    weight: 5,
    days: 5,
  },
  { fr: 'Microassurance', ar: 'التأمين الأصغر', audience: 'MFI_STAFF', weight: 4, days: 2 },
  {
    fr: 'Création et formalisation de la micro-entreprise',
    ar: 'إحداث المقاولة الصغرى وتسوية وضعيتها',
    audience: 'MICRO_ENTREPRENEURS',
    weight: 10,
    days: 3,
  },
  {
    fr: 'Commerce en ligne et paiement mobile',
    ar: 'التجارة الإلكترونية والأداء عبر الهاتف',
    audience: 'MICRO_ENTREPRENEURS',
    weight: 9,
    days: 2,
    online: true,
  },
  {
    fr: 'Gestion des stocks et approvisionnement',
    ar: 'تدبير المخزون والتموين',
    audience: 'MICRO_ENTREPRENEURS',
    weight: 6,
    days: 2,
  },
  {
    fr: 'Comptabilité simplifiée',
    ar: 'المحاسبة المبسطة',
    audience: 'MICRO_ENTREPRENEURS',
    weight: 8,
    days: 3,
  },
  {
    fr: 'Coopératives et économie sociale',
    ar: 'التعاونيات والاقتصاد الاجتماعي',
    audience: 'MICRO_ENTREPRENEURS',
    weight: 5,
    days: 3,
  },
  {
    fr: 'Entrepreneuriat féminin',
    ar: 'المقاولة النسائية',
    audience: 'MICRO_ENTREPRENEURS',
    weight: 7,
    days: 3,
  },
  {
    fr: 'Éthique et déontologie de la microfinance',
    ar: 'أخلاقيات التمويل الأصغر',
    audience: 'MFI_STAFF',
    weight: 4,
    days: 1,
    online: true,
  },
  { fr: 'Formation de formateurs', ar: 'تكوين المكونين', audience: 'TRAINERS', weight: 3, days: 5 },
];

const CITIES: readonly [fr: string, ar: string][] = [
  ['Casablanca', 'الدار البيضاء'],
  ['Casablanca', 'الدار البيضاء'],
  ['Rabat', 'الرباط'],
  ['Rabat', 'الرباط'],
  ['Fès', 'فاس'],
  ['Marrakech', 'مراكش'],
  ['Agadir', 'أكادير'],
  ['Tanger', 'طنجة'],
  ['Oujda', 'وجدة'],
  ['Béni Mellal', 'بني ملال'],
  ['Meknès', 'مكناس'],
  ['Kénitra', 'القنيطرة'],
  ['Tétouan', 'تطوان'],
  ['Errachidia', 'الرشيدية'],
  ['Ouarzazate', 'ورزازات'],
  ['Laâyoune', 'العيون'],
  ['Dakhla', 'الداخلة'],
];

const PARTNERS = ['FNAM', 'Tamwilcom', 'GIZ', 'ADA Microfinance', 'Bank Al-Maghrib', 'OIT', 'INDH'];
const MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];

interface PlannedCourse {
  id: string;
  line: (typeof LINES)[number];
  mode: Mode;
  city: (typeof CITIES)[number] | null;
  days: number;
  firstDay: string;
  size: number;
}

/** A year's courses: the lines' shares, lengths adjusted so they add up to exactly `trainingDays`. */
function planCourses(year: number, count: number, trainingDays: number, random: Random): PlannedCourse[] {
  const perLine = apportion(
    count,
    LINES.map((l) => l.weight),
  );
  const courses: PlannedCourse[] = [];
  perLine.forEach((n, lineIndex) => {
    const line = LINES[lineIndex]!;
    for (let i = 0; i < n; i++) {
      const roll = random.next();
      const mode: Mode = line.online && roll < 0.45 ? 'E_LEARNING' : roll > 0.93 ? 'BLENDED' : 'IN_PERSON';
      // Spread over the year, ending early enough that every session stays in the year.
      const firstDay = addDays(`${year}-01-08`, random.int(0, 320));
      courses.push({
        id: newId(),
        line,
        mode,
        city: mode === 'E_LEARNING' ? null : random.pick(CITIES),
        days: Math.max(1, line.days + random.int(-1, 1)),
        firstDay,
        size: 0,
      });
    }
  });
  let missing = trainingDays - courses.reduce((sum, c) => sum + c.days, 0);
  for (let i = 0; missing !== 0; i = (i + 1) % courses.length) {
    const course = courses[i]!;
    if (missing > 0 && course.days < 8) {
      course.days += 1;
      missing -= 1;
    } else if (missing < 0 && course.days > 1) {
      course.days -= 1;
      missing += 1;
    }
  }
  return courses;
}

/**
 * Seats `people` on `courses` so that person i takes `times[i]` different courses. Course sizes
 * follow the mode (online courses are larger); people with several courses are seated first, so
 * the single-course people who come last never meet a conflict.
 */
function seat(courses: PlannedCourse[], people: string[], times: number[], random: Random) {
  const seats = times.reduce((a, b) => a + b, 0);
  const sizes = apportion(
    seats,
    courses.map((c) => (c.mode === 'E_LEARNING' ? 4 : 1) * (0.7 + random.next() * 0.6)),
  );
  courses.forEach((c, i) => {
    c.size = sizes[i]!;
  });
  const slots = random.shuffle(courses.flatMap((c, i) => Array<number>(c.size).fill(i)));
  const order = people.map((_, i) => i).sort((a, b) => times[b]! - times[a]! || a - b);
  const seated: { course: PlannedCourse; personId: string }[] = [];
  let next = 0;
  for (const p of order) {
    const taken = new Set<number>();
    for (let k = 0; k < times[p]!; k++) {
      // Swap in a later seat when this one is on a course the person already takes.
      let j = next;
      while (taken.has(slots[j]!)) j++;
      [slots[next], slots[j]] = [slots[j]!, slots[next]!];
      taken.add(slots[next]!);
      seated.push({ course: courses[slots[next]!]!, personId: people[p]! });
      next++;
    }
  }
  return seated;
}

export async function seedMicrocreditTrainings(owner: Database, tenantId: string): Promise<void> {
  const random = generator(20240845);
  let phoneSerial = 0;
  const people = new Map<string, Record<string, unknown>>();
  const newPerson = () => {
    const id = newId();
    const sex = random.next() < 0.58 ? 'F' : 'M';
    people.set(id, {
      tenant_id: tenantId,
      id,
      ...personNames(random, sex),
      birth_date: someDayOf(random, random.int(1970, 2002)),
      phone: `+2127${String(20_000_000 + phoneSerial++).padStart(8, '0')}`,
    });
    return id;
  };
  const courseRows: Record<string, unknown>[] = [];
  const sessionRows: Record<string, unknown>[] = [];
  const registrationRows: Record<string, unknown>[] = [];

  const addCourse = (course: PlannedCourse, status: 'CLOSED' | 'CANCELLED') => {
    const online = course.mode === 'E_LEARNING';
    const month = MONTHS[Number(course.firstDay.slice(5, 7)) - 1];
    courseRows.push({
      tenant_id: tenantId,
      id: course.id,
      title_fr: `${course.line.fr} — ${course.city?.[0] ?? 'en ligne'}, ${month} ${course.firstDay.slice(0, 4)}`,
      title_ar: `${course.line.ar} — ${course.city?.[1] ?? 'عن بعد'}`,
      training_line: course.line.fr,
      topic: course.line.fr,
      audience: course.line.audience,
      partners: random.next() < 0.6 ? [random.pick(PARTNERS)] : [],
      mode: course.mode,
      city: course.city?.[0] ?? null,
      capacity: online ? course.size + 100 : Math.max(20, Math.ceil((course.size + 2) / 5) * 5),
      price_mad: course.line.audience === 'MFI_STAFF' && !online ? '1500' : '0',
      status,
      created_at: `${addDays(course.firstDay, -45)}T10:00:00Z`,
    });
    // Longer courses run in two blocks a week apart.
    const blocks =
      course.days >= 4 ? [Math.ceil(course.days / 2), Math.floor(course.days / 2)] : [course.days];
    blocks.forEach((days, b) => {
      sessionRows.push({
        tenant_id: tenantId,
        id: newId(),
        course_id: course.id,
        day: addDays(course.firstDay, b * 7),
        starts_at: online ? null : '09:00',
        ends_at: online ? null : '16:00',
        days: String(days),
        hours: String(days * 6),
        place: online ? null : `Centre de formation — ${course.city?.[0]}`,
      });
    });
  };
  const register = (
    course: PlannedCourse,
    personId: string,
    status: string,
    reason: string | null = null,
  ) => {
    const lastDay = addDays(course.firstDay, course.days >= 4 ? 7 : 0);
    registrationRows.push({
      tenant_id: tenantId,
      id: newId(),
      course_id: course.id,
      person_id: personId,
      status,
      status_reason: reason,
      waitlisted_at: status === 'WAITLISTED' ? `${addDays(course.firstDay, -10)}T09:00:00Z` : null,
      status_changed_at: `${status === 'COMPLETED' ? lastDay : addDays(course.firstDay, -10)}T17:00:00Z`,
      created_at: `${addDays(course.firstDay, -20)}T09:00:00Z`,
    });
  };
  /** A year's courses, held: the first `thrice` people take three, the next `twice` two, the rest one. */
  const hold = (courses: PlannedCourse[], people: string[], year: { twice: number; thrice: number }) => {
    const times = people.map((_, i) => (i < year.thrice ? 3 : i < year.thrice + year.twice ? 2 : 1));
    for (const { course, personId } of seat(courses, people, times, random))
      register(course, personId, random.next() < 0.86 ? 'COMPLETED' : 'REGISTERED');
    for (const course of courses) addCourse(course, 'CLOSED');
  };

  // 2024, the reported year.
  const y2024 = MICROCREDIT_YEARS[2024];
  const courses2024 = planCourses(2024, y2024.courses, y2024.trainingDays, random);
  const people2024 = Array.from({ length: y2024.participants }, newPerson);
  hold(courses2024, people2024, y2024);

  // 2023: some of 2024's participants had already come the year before.
  const y2023 = MICROCREDIT_YEARS[2023];
  const courses2023 = planCourses(2023, y2023.courses, y2023.trainingDays, random);
  const people2023 = [
    ...random.shuffle([...people2024]).slice(0, y2023.returning),
    ...Array.from({ length: y2023.participants - y2023.returning }, newPerson),
  ];
  hold(courses2023, people2023, y2023);

  // What the figures must leave out: a cancelled 2024 course, withdrawals and an unpromoted waitlist,
  // all by people who took no 2024 course (so no active registration is duplicated).
  const newcomers2023 = people2023.slice(y2023.returning);
  const cancelled: PlannedCourse = {
    id: newId(),
    line: LINES[4]!,
    mode: 'IN_PERSON',
    city: ['Laâyoune', 'العيون'],
    days: 2,
    firstDay: '2024-11-18',
    size: 18,
  };
  addCourse(cancelled, 'CANCELLED');
  for (const personId of newcomers2023.slice(0, 18))
    register(cancelled, personId, 'CANCELLED', 'Formation annulée');
  newcomers2023.slice(18, 78).forEach((personId, i) => {
    const course = courses2024[(i * 7) % courses2024.length]!;
    if (i % 2 === 0) register(course, personId, 'CANCELLED', 'Empêchement');
    else register(course, personId, 'WAITLISTED');
  });

  await withTenant(owner, tenantId, async (tx) => {
    await insertInChunks(tx, 'person', [...people.values()]);
    await insertInChunks(tx, 'course', courseRows);
    await insertInChunks(tx, 'course_session', sessionRows);
    await insertInChunks(tx, 'registration', registrationRows);
    // Freshly bulk-loaded tables have no statistics until autovacuum comes by; without them the
    // planner takes thousands of rows for one and the indicators query crawls.
    await sql`analyze person, course, course_session, registration`.execute(tx);
  });
}

import type { DB } from '../db/tables.generated.js';
import type { Tx } from '../db/with-tenant.js';

// What the demo generators share: names, a seeded random source and bulk inserts.

export type Name = readonly [latin: string, arabic: string];

export const WOMEN: readonly Name[] = [
  ['Fatima Zahra', 'فاطمة الزهراء'],
  ['Khadija', 'خديجة'],
  ['Salma', 'سلمى'],
  ['Meryem', 'مريم'],
  ['Hajar', 'هاجر'],
  ['Imane', 'إيمان'],
  ['Zineb', 'زينب'],
  ['Nadia', 'نادية'],
  ['Soukaina', 'سكينة'],
  ['Asmae', 'أسماء'],
  ['Houda', 'هدى'],
  ['Siham', 'سهام'],
];
export const MEN: readonly Name[] = [
  ['Mohamed', 'محمد'],
  ['Youssef', 'يوسف'],
  ['Hamza', 'حمزة'],
  ['Ayoub', 'أيوب'],
  ['Omar', 'عمر'],
  ['Anas', 'أنس'],
  ['Mehdi', 'المهدي'],
  ['Ismail', 'إسماعيل'],
  ['Rachid', 'رشيد'],
  ['Karim', 'كريم'],
];
export const FAMILY: readonly Name[] = [
  ['BENNANI', 'بناني'],
  ['EL ALAOUI', 'العلوي'],
  ['TAZI', 'التازي'],
  ['BERRADA', 'برادة'],
  ['EL IDRISSI', 'الإدريسي'],
  ['CHRAIBI', 'الشرايبي'],
  ['AMRANI', 'العمراني'],
  ['SQALLI', 'السقلي'],
  ['OUAZZANI', 'الوزاني'],
  ['BOUZIDI', 'البوزيدي'],
  ['LAHLOU', 'لحلو'],
  ['FASSI FIHRI', 'الفاسي الفهري'],
  ['AIT BENHADDOU', 'آيت بنحدو'],
  ['EL MANSOURI', 'المنصوري'],
];

/** A small deterministic generator (mulberry32): the same demo every time. */
export type Random = ReturnType<typeof generator>;

export function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    /** Shuffles `items` in place (Fisher–Yates) and returns them: copy first to keep the original. */
    shuffle: <T>(items: T[]): T[] => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
  };
}

export const pad = (n: number) => String(n).padStart(2, '0');

/** A day of `year`, any month, the 1st to the 28th (two draws: month, day). */
export const someDayOf = (random: Random, year: number) =>
  `${year}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;

/** A woman's or a man's names in both scripts, as person columns (two draws: first name, family). */
export function personNames(random: Random, sex: 'F' | 'M') {
  const [first, firstAr] = random.pick(sex === 'F' ? WOMEN : MEN);
  const [last, lastAr] = random.pick(FAMILY);
  return {
    first_name_latin: first,
    last_name_latin: last,
    first_name_ar: firstAr,
    last_name_ar: lastAr,
    sex,
  };
}

export async function insertInChunks(tx: Tx, table: keyof DB, rows: readonly object[]): Promise<void> {
  // PostgreSQL takes at most 65,535 parameters per statement.
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insertInto(table)
      .values(rows.slice(i, i + 500) as never)
      .execute();
  }
}

/**
 * Splits `total` in proportion to `weights` into whole numbers that add up to it exactly, by largest
 * remainders (every share as near its exact value as whole numbers allow), so the demo reproduces
 * the published totals to the unit.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const counts = exact.map(Math.floor);
  const order = exact
    .map((e, i) => [e - Math.floor(e), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const left = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < left; k++) counts[order[k]![1]]! += 1;
  return counts;
}

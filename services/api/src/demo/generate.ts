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
  };
}

export async function insertInChunks(
  tx: Tx,
  table: 'person' | 'enrollment' | 'enrollment_event' | 'host' | 'placement' | 'placement_event',
  rows: readonly object[],
): Promise<void> {
  // PostgreSQL takes at most 65,535 parameters per statement.
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insertInto(table)
      .values(rows.slice(i, i + 500) as never)
      .execute();
  }
}

/**
 * Splits `total` into whole numbers in proportion to `weights` that add up to it exactly (the
 * first, the largest in every use here, takes what rounding down leaves), so the demo reproduces
 * the published totals to the unit.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((weight) => (sum > 0 ? Math.floor((total * weight) / sum) : 0));
  counts[0]! += total - counts.reduce((a, b) => a + b, 0);
  return counts;
}

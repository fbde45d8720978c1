import { addDays } from '../../lib/time.js';

/** A public holiday as loadMoroccanHolidays adds it to a centre's list. */
export interface HolidayEntry {
  /** YYYY-MM-DD */
  day: string;
  name_fr: string;
  name_ar: string;
}

type Named = { fr: string; ar: string };

/** The holidays on the same day every year (month-day). Yennayer is only a holiday since 2024. */
const FIXED: readonly (Named & { date: string; since?: number })[] = [
  { date: '01-01', fr: 'Nouvel An', ar: 'رأس السنة الميلادية' },
  { date: '01-11', fr: "Manifeste de l'Indépendance", ar: 'ذكرى تقديم وثيقة الاستقلال' },
  { date: '01-14', fr: 'Nouvel An amazigh (Yennayer)', ar: 'رأس السنة الأمازيغية', since: 2024 },
  { date: '05-01', fr: 'Fête du Travail', ar: 'عيد الشغل' },
  { date: '07-30', fr: 'Fête du Trône', ar: 'عيد العرش' },
  { date: '08-14', fr: "Allégeance d'Oued Ed-Dahab", ar: 'ذكرى استرجاع إقليم وادي الذهب' },
  { date: '08-20', fr: 'Révolution du Roi et du Peuple', ar: 'ذكرى ثورة الملك والشعب' },
  { date: '08-21', fr: 'Fête de la Jeunesse', ar: 'عيد الشباب' },
  { date: '11-06', fr: 'Marche Verte', ar: 'ذكرى المسيرة الخضراء' },
  { date: '11-18', fr: "Fête de l'Indépendance", ar: 'عيد الاستقلال' },
];

const FITR: Named = { fr: 'Aïd al-Fitr', ar: 'عيد الفطر' };
const ADHA: Named = { fr: 'Aïd al-Adha', ar: 'عيد الأضحى' };
const MUHARRAM: Named = { fr: "1er Moharram (Nouvel An de l'Hégire)", ar: 'فاتح محرم (رأس السنة الهجرية)' };
const MAWLID: Named = { fr: 'Aïd al-Mawlid', ar: 'عيد المولد النبوي' };

/**
 * The Islamic holidays follow the lunar calendar (first day of each; Eid al-Fitr, Eid al-Adha and
 * the Mawlid last two days). 2024, 2025 and Eid al-Fitr 2026 are the days the Ministry of Habous
 * announced (1 Muharram 1446 fell on Sunday 7 July 2024, a day before the calculated date); the
 * rest are EXPECTED dates: the real day depends on the moon sighting announced a day or two before, so a centre
 * corrects its list (removeHoliday / addHoliday) when the announcement differs. Years not in this
 * table get the fixed holidays only.
 */
const ISLAMIC: Readonly<Record<number, readonly [Named, string, 1 | 2][]>> = {
  2024: [
    [FITR, '04-10', 2],
    [ADHA, '06-17', 2],
    [MUHARRAM, '07-07', 1],
    [MAWLID, '09-16', 2],
  ],
  2025: [
    [FITR, '03-31', 2],
    [ADHA, '06-07', 2],
    [MUHARRAM, '06-27', 1],
    [MAWLID, '09-05', 2],
  ],
  2026: [
    [FITR, '03-20', 2],
    [ADHA, '05-27', 2],
    [MUHARRAM, '06-16', 1],
    [MAWLID, '08-25', 2],
  ],
  2027: [
    [FITR, '03-10', 2],
    [ADHA, '05-17', 2],
    [MUHARRAM, '06-06', 1],
    [MAWLID, '08-15', 2],
  ],
  2028: [
    [FITR, '02-27', 2],
    [ADHA, '05-05', 2],
    [MUHARRAM, '05-25', 1],
    [MAWLID, '08-03', 2],
  ],
};

/** The years whose Islamic holidays the table knows. */
export const ISLAMIC_YEARS = Object.keys(ISLAMIC).map(Number);

/** Morocco's public holidays of `year`, by day (a day on which two fall is listed once). */
export function moroccanHolidays(year: number): HolidayEntry[] {
  const byDay = new Map<string, HolidayEntry>();
  const add = (day: string, named: Named) =>
    byDay.has(day) || byDay.set(day, { day, name_fr: named.fr, name_ar: named.ar });
  for (const holiday of FIXED) {
    if (holiday.since === undefined || year >= holiday.since) add(`${year}-${holiday.date}`, holiday);
  }
  for (const [named, first, length] of ISLAMIC[year] ?? []) {
    add(`${year}-${first}`, named);
    if (length === 2)
      add(addDays(`${year}-${first}`, 1), { fr: `${named.fr} (2e jour)`, ar: `${named.ar} (اليوم الثاني)` });
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

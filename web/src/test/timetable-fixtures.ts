/** API answers for the timetable, attendance and ledger screens' tests (the demo's Fès weaving intake). */

export const HOST = {
  __typename: 'Host',
  id: 'h1',
  name: 'Atelier de tissage du maâlem Driss',
  nameAr: 'ورشة النسيج للمعلم إدريس',
  address: '66, derb TAZI, Fès',
};

export const COHORT = { __typename: 'Cohort', id: 'c1', label: 'Tissage 2026-2027' };

export const person = (id: string, fullName: string) => ({ __typename: 'Person', id, fullName });

export const trainee = (id: string, fullName: string) => ({
  __typename: 'Enrollment',
  id,
  person: person(`p-${id}`, fullName),
});

export const entry = (
  id: string,
  enrollmentId: string,
  fullName: string,
  status: string,
  extra: { hours?: number; reason?: string | null; correctedAt?: string | null } = {},
) => ({
  __typename: 'Attendance',
  id,
  status,
  hours: extra.hours ?? (status === 'PRESENT' ? 7 : 0),
  reason: extra.reason ?? null,
  correctedAt: extra.correctedAt ?? null,
  enrollment: trainee(enrollmentId, fullName),
});

export const SALMA = trainee('e1', 'Salma EL MANSOURI');
export const NADIA = trainee('e2', 'Nadia FASSI FIHRI');
export const HOUDA = trainee('e3', 'Houda EL MANSOURI');

/** A practice day at the demo workshop, 09:00–16:00 local. */
export const practice = (
  id: string,
  day: string,
  attendance: unknown[] = [],
  expected: unknown[] = [SALMA, NADIA, HOUDA],
) => ({
  __typename: 'ClassSession',
  id,
  kind: 'PRACTICE',
  day,
  startsAt: '09:00',
  endsAt: '16:00',
  hours: 7,
  place: 'Atelier de tissage du maâlem Driss, 66, derb TAZI, Fès',
  cancelled: false,
  cohort: COHORT,
  host: HOST,
  expected,
  attendance,
});

/** A theory morning in the centre, 09:00–13:00 local. */
export const theory = (
  id: string,
  day: string,
  attendance: unknown[] = [],
  expected: unknown[] = [SALMA, NADIA],
) => ({
  ...practice(id, day, attendance, expected),
  kind: 'THEORY',
  endsAt: '13:00',
  hours: 4,
  place: 'Centre de formation de Fès',
  host: null,
});

export const figures = (values: {
  plannedTheory: number;
  attendedTheory: number;
  plannedPractice: number;
  attendedPractice: number;
  unrecorded?: number;
  share?: number | null;
  drift?: number | null;
  rate?: number | null;
  status?: string;
}) => ({
  __typename: 'LedgerFigures',
  plannedTheoryHours: values.plannedTheory,
  attendedTheoryHours: values.attendedTheory,
  plannedPracticeHours: values.plannedPractice,
  attendedPracticeHours: values.attendedPractice,
  unrecordedHours: values.unrecorded ?? 0,
  targetTheoryShare: 0.2,
  actualTheoryShare: values.share ?? null,
  drift: values.drift ?? null,
  attendanceRate: values.rate ?? null,
  status: values.status ?? 'ON_TRACK',
});

export const userErrors = (errors: { code: string; field?: string | null }[]) =>
  errors.map((e) => ({ __typename: 'UserError', field: null, message: e.code, ...e }));

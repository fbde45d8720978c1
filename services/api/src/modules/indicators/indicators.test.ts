import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openTestEnv, type TestApp, type TestEnv } from '../../../test/app.js';
import { withTenant } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import { HEADER_AR, HEADER_FR } from './export.js';

let db: TestEnv['db'];
let t: TestEnv['t'];
let f: TestEnv['f'];
let close: TestEnv['close'];
let tokenA: string;
let tokenB: string;

const FIN = 'Éducation financière';
const MKT = 'Marketing et vente';

type Sex = 'F' | 'M';
type Status = 'REGISTERED' | 'COMPLETED' | 'WAITLISTED' | 'CANCELLED';
interface CourseSpec {
  line: string;
  audience: string;
  mode: 'IN_PERSON' | 'E_LEARNING' | 'BLENDED';
  city: string | null;
  status?: 'OPEN' | 'CLOSED' | 'CANCELLED';
  sessions: [day: string, days: number][];
  registrations: [person: string, status: Status][];
}

/** Writes people and courses straight into a tenant, as the owner (the courses module's mutations are not needed). */
async function arrange(tenantId: string, people: Record<string, Sex>, courses: CourseSpec[]): Promise<void> {
  await withTenant(db.owner, tenantId, async (tx) => {
    const ids = new Map(Object.keys(people).map((name) => [name, newId()]));
    await tx
      .insertInto('person')
      .values(
        Object.entries(people).map(([name, sex]) => ({
          tenant_id: tenantId,
          id: ids.get(name)!,
          first_name_latin: name,
          last_name_latin: 'TEST',
          sex,
          birth_date: '1990-01-01',
        })),
      )
      .execute();
    for (const [index, spec] of courses.entries()) {
      const courseId = newId();
      await tx
        .insertInto('course')
        .values({
          tenant_id: tenantId,
          id: courseId,
          title_fr: `${spec.line} ${index}`,
          training_line: spec.line,
          audience: spec.audience,
          mode: spec.mode,
          city: spec.city,
          capacity: 30,
          status: spec.status ?? 'CLOSED',
        })
        .execute();
      await tx
        .insertInto('course_session')
        .values(
          spec.sessions.map(([day, days]) => ({
            tenant_id: tenantId,
            id: newId(),
            course_id: courseId,
            day,
            days: String(days),
          })),
        )
        .execute();
      if (spec.registrations.length > 0) {
        await tx
          .insertInto('registration')
          .values(
            spec.registrations.map(([person, status]) => ({
              tenant_id: tenantId,
              id: newId(),
              course_id: courseId,
              person_id: ids.get(person)!,
              status,
            })),
          )
          .execute();
      }
    }
  });
}

// The fixture, figures computed by hand below. People: P1, P3, P5 women; P2, P4 men.
const FIXTURE: CourseSpec[] = [
  // C1 · 2025 · 3 days; P3 waitlisted and P4 cancelled count nowhere.
  {
    line: FIN,
    audience: 'MFI_STAFF',
    mode: 'IN_PERSON',
    city: 'Rabat',
    sessions: [
      ['2025-03-10', 2],
      ['2025-03-17', 1],
    ],
    registrations: [
      ['P1', 'COMPLETED'],
      ['P2', 'REGISTERED'],
      ['P3', 'WAITLISTED'],
      ['P4', 'CANCELLED'],
    ],
  },
  // C2 · 2025 · half a day online.
  {
    line: FIN,
    audience: 'MICRO_ENTREPRENEURS',
    mode: 'E_LEARNING',
    city: null,
    sessions: [['2025-05-05', 0.5]],
    registrations: [
      ['P1', 'REGISTERED'],
      ['P3', 'COMPLETED'],
      ['P5', 'COMPLETED'],
    ],
  },
  // C3 · 2025 · 2 days.
  {
    line: MKT,
    audience: 'MICRO_ENTREPRENEURS',
    mode: 'BLENDED',
    city: 'Fès',
    sessions: [['2025-06-01', 2]],
    registrations: [['P4', 'REGISTERED']],
  },
  // C4 · 2025 · cancelled: counts nowhere, registrations included.
  {
    line: MKT,
    audience: 'MFI_STAFF',
    mode: 'IN_PERSON',
    city: 'Rabat',
    status: 'CANCELLED',
    sessions: [['2025-07-01', 1]],
    registrations: [['P2', 'REGISTERED']],
  },
  // C5 · first session in December 2024, second in January 2025: a 2024 course of 2 days.
  {
    line: MKT,
    audience: 'MFI_STAFF',
    mode: 'IN_PERSON',
    city: 'Rabat',
    sessions: [
      ['2024-12-16', 1],
      ['2025-01-13', 1],
    ],
    registrations: [
      ['P1', 'COMPLETED'],
      ['P2', 'COMPLETED'],
    ],
  },
  // C6 · 2024 · 4 days.
  {
    line: FIN,
    audience: 'MFI_STAFF',
    mode: 'IN_PERSON',
    city: 'Casablanca',
    sessions: [['2024-04-02', 4]],
    registrations: [
      ['P2', 'REGISTERED'],
      ['P3', 'COMPLETED'],
    ],
  },
  // C7 · 2025 · 1 day, nobody came: still a training with its day.
  {
    line: MKT,
    audience: 'OTHER',
    mode: 'IN_PERSON',
    city: 'Fès',
    sessions: [['2025-09-15', 1]],
    registrations: [],
  },
];

const FIGURES = `trainings trainingDays participants participations trainingsPerParticipant completed`;
const LINE = `key figures { ${FIGURES} } previous { ${FIGURES} } change { trainings trainingDays participants participations }`;
const INDICATORS = `query ($year: Int!) {
  trainingIndicators(year: $year) {
    year
    total { ${LINE} }
    byTrainingLine { ${LINE} }
    bySex { ${LINE} }
    byAudience { ${LINE} }
    byCity { ${LINE} }
    byMode { ${LINE} }
  }
}`;
const EXPORT = `query ($year: Int!, $format: ExportFormat!) {
  exportTrainingIndicators(year: $year, format: $format) { fileName mimeType contentBase64 }
}`;

const figures = (
  trainings: number,
  trainingDays: number,
  participants: number,
  participations: number,
  completed: number,
) => ({
  trainings,
  trainingDays,
  participants,
  participations,
  trainingsPerParticipant: participants === 0 ? null : expect.closeTo(participations / participants, 10),
  completed,
});
const change = (...values: (number | null)[]) => {
  const [trainings, trainingDays, participants, participations] = values.map((v) =>
    v === null ? null : expect.closeTo(v, 10),
  );
  return { trainings, trainingDays, participants, participations };
};

beforeAll(async () => {
  ({ db, t, f, close } = await openTestEnv());
  tokenA = await t.signIn(f.directorA.email);
  tokenB = await t.signIn(f.directorB.email);
  await arrange(f.tenantA, { P1: 'F', P2: 'M', P3: 'F', P4: 'M', P5: 'F' }, FIXTURE);
  // Tenant B's own small year, so "sees none of A's" is not just "sees nothing".
  await arrange(f.tenantB, { Q1: 'M' }, [
    {
      line: 'Pitch',
      audience: 'ENTREPRENEURS',
      mode: 'IN_PERSON',
      city: 'Oujda',
      sessions: [['2025-02-02', 1]],
      registrations: [['Q1', 'REGISTERED']],
    },
  ]);
});
afterAll(async () => {
  await close();
});

describe('trainingIndicators', () => {
  it('computes the year and the previous one by hand-checked figures', async () => {
    const result = await t.gql(INDICATORS, { year: 2025 }, { token: tokenA, tenantId: f.tenantA });
    expect(result.errors).toBeUndefined();
    const ind = result.data.trainingIndicators;
    expect(ind.year).toBe(2025);
    // 2025: C1, C2, C3, C7 · 3 + 0.5 + 2 + 1 days · P1–P5 over 6 registrations · 3 completed.
    // 2024: C5, C6 · 2 + 4 days · P1, P2, P3 over 4 registrations · 3 completed.
    expect(ind.total).toEqual({
      key: 'Total',
      figures: figures(4, 6.5, 5, 6, 3),
      previous: figures(2, 6, 3, 4, 3),
      change: change(1, 0.5 / 6, 2 / 3, 0.5),
    });
    expect(ind.total.figures.trainingsPerParticipant).toBeCloseTo(1.2, 10);
    expect(ind.total.previous.trainingsPerParticipant).toBeCloseTo(4 / 3, 10);

    expect(ind.byTrainingLine).toEqual([
      {
        key: FIN,
        figures: figures(2, 3.5, 4, 5, 3),
        previous: figures(1, 4, 2, 2, 1),
        change: change(1, -0.125, 1, 1.5),
      },
      {
        key: MKT,
        figures: figures(2, 3, 1, 1, 0),
        previous: figures(1, 2, 2, 2, 2),
        change: change(1, 0.5, -0.5, -0.5),
      },
    ]);
    // A course counts for each sex that attended it (C1 for both).
    expect(ind.bySex).toEqual([
      {
        key: 'F',
        figures: figures(2, 3.5, 3, 4, 3),
        previous: figures(2, 6, 2, 2, 2),
        change: change(0, -2.5 / 6, 0.5, 1),
      },
      {
        key: 'M',
        figures: figures(2, 5, 2, 2, 0),
        previous: figures(2, 6, 1, 2, 1),
        change: change(0, -1 / 6, 1, 0),
      },
    ]);
    expect(ind.byAudience).toEqual([
      {
        key: 'MICRO_ENTREPRENEURS',
        figures: figures(2, 2.5, 4, 4, 2),
        previous: figures(0, 0, 0, 0, 0),
        change: change(null, null, null, null),
      },
      {
        key: 'MFI_STAFF',
        figures: figures(1, 3, 2, 2, 1),
        previous: figures(2, 6, 3, 4, 3),
        change: change(-0.5, -0.5, -1 / 3, -0.5),
      },
      {
        key: 'OTHER',
        figures: figures(1, 1, 0, 0, 0),
        previous: figures(0, 0, 0, 0, 0),
        change: change(null, null, null, null),
      },
    ]);
    expect(ind.byCity).toEqual([
      {
        key: 'E-learning',
        figures: figures(1, 0.5, 3, 3, 2),
        previous: figures(0, 0, 0, 0, 0),
        change: change(null, null, null, null),
      },
      {
        key: 'Rabat',
        figures: figures(1, 3, 2, 2, 1),
        previous: figures(1, 2, 2, 2, 2),
        change: change(0, 0.5, 0, 0),
      },
      {
        key: 'Fès',
        figures: figures(2, 3, 1, 1, 0),
        previous: figures(0, 0, 0, 0, 0),
        change: change(null, null, null, null),
      },
      // Only last year: still listed, with this year at zero.
      {
        key: 'Casablanca',
        figures: figures(0, 0, 0, 0, 0),
        previous: figures(1, 4, 2, 2, 1),
        change: change(-1, -1, -1, -1),
      },
    ]);
    expect(ind.byMode).toEqual([
      {
        key: 'E_LEARNING',
        figures: figures(1, 0.5, 3, 3, 2),
        previous: figures(0, 0, 0, 0, 0),
        change: change(null, null, null, null),
      },
      {
        key: 'IN_PERSON',
        figures: figures(2, 4, 2, 2, 1),
        previous: figures(2, 6, 3, 4, 3),
        change: change(0, -1 / 3, -1 / 3, -0.5),
      },
      {
        key: 'BLENDED',
        figures: figures(1, 2, 1, 1, 0),
        previous: figures(0, 0, 0, 0, 0),
        change: change(null, null, null, null),
      },
    ]);
  });

  it('gives no change against a year without trainings', async () => {
    const result = await t.gql(INDICATORS, { year: 2024 }, { token: tokenA, tenantId: f.tenantA });
    expect(result.errors).toBeUndefined();
    const { total } = result.data.trainingIndicators;
    expect(total.figures).toEqual(figures(2, 6, 3, 4, 3));
    expect(total.previous).toEqual(figures(0, 0, 0, 0, 0));
    expect(total.change).toEqual(change(null, null, null, null));
  });

  it('refuses a year out of range', async () => {
    for (const year of [1999, 2101]) {
      const result = await t.gql(INDICATORS, { year }, { token: tokenA, tenantId: f.tenantA });
      expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    }
  });

  it('is for staff only', async () => {
    const token = await t.signInByCode(f.artisanA.phone);
    for (const [query, variables] of [
      [INDICATORS, { year: 2025 }],
      [EXPORT, { year: 2025, format: 'CSV' }],
    ] as const) {
      const result = await t.gql(query, variables, { token, tenantId: f.tenantA });
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
    }
  });

  it('shows a tenant only its own figures', async () => {
    const result = await t.gql(INDICATORS, { year: 2025 }, { token: tokenB, tenantId: f.tenantB });
    expect(result.errors).toBeUndefined();
    const ind = result.data.trainingIndicators;
    expect(ind.total.figures).toEqual(figures(1, 1, 1, 1, 0));
    expect(ind.total.previous).toEqual(figures(0, 0, 0, 0, 0));
    expect(ind.byTrainingLine.map((l: { key: string }) => l.key)).toEqual(['Pitch']);
    expect(ind.byCity.map((l: { key: string }) => l.key)).toEqual(['Oujda']);
    // And B's director cannot name tenant A.
    const foreign = await t.gql(INDICATORS, { year: 2025 }, { token: tokenB, tenantId: f.tenantA });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_A_MEMBER');
  });
});

describe('exportTrainingIndicators', () => {
  it('writes a semicolon CSV with a byte-order mark that an independent parser reads back', async () => {
    const result = await t.gql(EXPORT, { year: 2025, format: 'CSV' }, { token: tokenA, tenantId: f.tenantA });
    expect(result.errors).toBeUndefined();
    const file = result.data.exportTrainingIndicators;
    expect(file.fileName).toBe('formations-2025.csv');
    expect(file.mimeType).toMatch(/^text\/csv/);
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(bytes, { bom: true, delimiter: ';', relax_column_count: true }) as string[][];

    const section = (title: string) => {
      const start = records.findIndex((r) => r[0] === `${title} 2025`);
      expect(start).toBeGreaterThanOrEqual(0);
      const rows: string[][] = [];
      for (let i = start + 4; i < records.length && records[i]!.some((c) => c !== ''); i++)
        rows.push(records[i]!);
      return { header: records[start + 2], headerAr: records[start + 3], rows };
    };
    const total = section('Total');
    expect(total.header).toEqual([...HEADER_FR]);
    expect(total.headerAr).toEqual([...HEADER_AR]);
    // Decimal commas, as Excel in French reads them; +66.7 % participants.
    expect(total.rows).toEqual([['Total', '4', '6,5', '5', '6', '1,2', '66,7']]);
    expect(section('Par ligne de formation').rows).toEqual([
      [FIN, '2', '3,5', '4', '5', '1,25', '100'],
      [MKT, '2', '3', '1', '1', '1', '-50'],
    ]);
    expect(section('Par sexe').rows).toEqual([
      ['Femmes', '2', '3,5', '3', '4', '1,33', '50'],
      ['Hommes', '2', '5', '2', '2', '1', '100'],
    ]);
    expect(section('Par public').rows.map((r) => r[0])).toEqual([
      'Micro-entrepreneurs',
      'Personnel des IMF',
      'Autres',
    ]);
    expect(section('Par ville').rows[0]).toEqual(['E-learning', '1', '0,5', '3', '3', '1', '']);
    expect(section('Par mode').rows.map((r) => r[0])).toEqual(['E-learning', 'Présentiel', 'Hybride']);
  });

  it('writes an XLSX with one sheet per section and numbers in the cells', async () => {
    const result = await t.gql(
      EXPORT,
      { year: 2025, format: 'XLSX' },
      { token: tokenA, tenantId: f.tenantA },
    );
    expect(result.errors).toBeUndefined();
    const file = result.data.exportTrainingIndicators;
    expect(file.fileName).toBe('formations-2025.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Total',
      'Par ligne de formation',
      'Par sexe',
      'Par public',
      'Par ville',
      'Par mode',
    ]);
    const values = (sheet: string, row: number) =>
      (workbook.getWorksheet(sheet)!.getRow(row).values as unknown[]).slice(1);
    expect(values('Total', 2)).toEqual([...HEADER_FR]);
    expect(values('Total', 3)).toEqual([...HEADER_AR]);
    expect(values('Total', 4)).toEqual(['Total', 4, 6.5, 5, 6, 1.2, 66.7]);
    expect(values('Par ligne de formation', 4)).toEqual([FIN, 2, 3.5, 4, 5, 1.25, 100]);
    expect(values('Par ligne de formation', 5)).toEqual([MKT, 2, 3, 1, 1, 1, -50]);
    // No previous year: the change cell stays empty.
    expect(values('Par mode', 4).slice(0, 6)).toEqual(['E-learning', 1, 0.5, 3, 3, 1]);
    expect(values('Par mode', 4)[6]).toBeUndefined();
  });

  it('refuses a year out of range', async () => {
    const result = await t.gql(
      EXPORT,
      { year: 1900, format: 'XLSX' },
      { token: tokenA, tenantId: f.tenantA },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });
});

// Last: it adds courses to both tenants.
describe('trainingIndicators cost', () => {
  it('sends the same few statements however many courses there are', async () => {
    const statements: string[] = [];
    let counting = false;
    const counted: TestApp = await createTestApp(db, {
      onQuery: (s) => {
        if (counting) statements.push(s);
      },
    });
    try {
      const token = await counted.signIn(f.directorA.email);
      const run = async () => {
        statements.length = 0;
        counting = true;
        const result = await counted.gql(INDICATORS, { year: 2025 }, { token, tenantId: f.tenantA });
        counting = false;
        expect(result.errors).toBeUndefined();
        return statements.length;
      };
      const before = await run();
      const many = Array.from(
        { length: 15 },
        (_, i): CourseSpec => ({
          line: `Ligne ${i}`,
          audience: 'OTHER',
          mode: 'IN_PERSON',
          city: `Ville ${i}`,
          sessions: [['2025-10-01', 1]],
          registrations: [['R', 'REGISTERED']],
        }),
      );
      await arrange(f.tenantB, { R: 'F' }, many);
      await arrange(f.tenantA, { R: 'F' }, many);
      const after = await run();
      expect(after).toBe(before);
      // Sign-in and membership checks aside, the figures come from one statement.
      expect(statements.filter((s) => /course|registration/.test(s))).toHaveLength(1);
    } finally {
      await counted.app.close();
    }
  });
});

import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, openTestEnv, type TestEnv } from '../../../test/app.js';
import { PASSWORD } from '../../../test/fixtures.js';
import { pdfText } from '../../../test/pdf-text.js';
import { withTenant } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import { graduateSeeder } from '../followup/test-graduates.js';
import { hashPassword } from '../identity/password.js';

let env: TestEnv;
let tenantC: string;
let tenantD: string;
let director: string;
let directorB: string;
/** NETWORK_ADMIN in A and C (network 1) and in D (network 2). */
let admin: string;
/** NETWORK_ADMIN in A only. */
let partialAdmin: string;

const FIGURES = `name nameAr trainees women trainedInside trainedOutside graduates graduatesWomen
  byTrade { tradeCode tradeFr tradeAr trainees women graduates share }
  outcomes { status count }
  integration { key labelAr graduates surveyed notSurveyed unreachable reached integrated rate }`;
const REPORT = `query ($year: Int!, $scope: ReportScope) {
  activityReport(year: $year, scope: $scope) {
    year scope centres { tenant { id name } ${FIGURES} } total { tenant { id } ${FIGURES} }
  }
}`;
const EXPORT = `query ($year: Int!, $scope: ReportScope, $format: ReportFormat!) {
  exportActivityReport(year: $year, scope: $scope, format: $format) { fileName mimeType contentBase64 }
}`;

const WEAVING = { code: 'WEAVING', fr: 'Tissage', ar: 'النسيج' };
const WOOD = { code: 'WOOD', fr: 'Menuiserie d’art', ar: 'النجارة الفنية' };

async function member(userId: string, tenantId: string, role: string) {
  await withTenant(env.db.owner, tenantId, (tx) =>
    tx.insertInto('membership').values({ tenant_id: tenantId, id: newId(), user_id: userId, role }).execute(),
  );
}

async function user(email: string) {
  const id = newId();
  await env.db.owner
    .insertInto('app_user')
    .values({ id, display_name: email, email, password_hash: await hashPassword(PASSWORD) })
    .execute();
  return id;
}

/**
 * Centre A's training year 2024, by hand:
 *   weaving: t1 F graduated (in the centre), t2 F graduated (a proposal in the centre declined,
 *   then a workshop outside), t3 M graduated (outside), t4 F graduated (only a pending proposal),
 *   t5 F dropped out after enrolling (outside), t6 F only admitted, t7 M withdrew before enrolling;
 *   wood: t8 M graduated (in the centre), t9 M graduated (a cooperative), t10 F still enrolled;
 *   and a 2023 graduate who stays out of 2024.
 * Trainees 8 (t1–t5, t8–t10), women 5, inside 2 (t1 t8), outside 4 (t2 t3 t5 t9), graduates 6,
 * of them women 3. Latest waves: t1 COOPERATIVE, t2 SELF_EMPLOYED, t3 UNREACHABLE, t4 SEEKING,
 * t8 not surveyed, t9 FURTHER_TRAINING: surveyed 5, reached 4, integrated 3, rate 75 %.
 */
async function seedCentreA() {
  const seed = graduateSeeder(env.db.owner, env.f.tenantA);
  const weaving = await seed.cohort('2024-09-16', WEAVING);
  const wood = await seed.cohort('2024-10-01', WOOD);
  const [t1, t2, t3, t4, t5, t6] = await seed.trainees(weaving.cohortId, [
    { sex: 'F', answers: { 0: 'HOST_COMPANY', 6: 'HOST_COMPANY', 12: 'COOPERATIVE' } },
    { sex: 'F', answers: { 0: 'SEEKING', 6: 'SELF_EMPLOYED' } },
    { sex: 'M', answers: { 0: 'UNREACHABLE' } },
    { sex: 'F', answers: { 0: 'SEEKING' } },
    { sex: 'F', status: 'DROPPED_OUT' },
    { sex: 'F', status: 'ADMITTED' },
    { sex: 'M', status: 'WITHDRAWN' },
  ]);
  const [t8, t9] = await seed.trainees(wood.cohortId, [
    { sex: 'M' },
    { sex: 'M', answers: { 0: 'FURTHER_TRAINING' } },
    { sex: 'F', status: 'ENROLLED' },
  ]);
  const earlier = await seed.cohort('2023-09-18', { code: 'OLD', fr: 'Ancien', ar: 'قديم' });
  await seed.trainees(earlier.cohortId, [{ sex: 'F', answers: { 0: 'HOST_COMPANY' } }]);

  const inCentre = await seed.host(weaving.tradeId, 'IN_CENTRE');
  const workshop = await seed.host(weaving.tradeId, 'ARTISAN_WORKSHOP');
  const woodCentre = await seed.host(wood.tradeId, 'IN_CENTRE');
  const cooperative = await seed.host(wood.tradeId, 'COOPERATIVE');
  await seed.placement(t1!.enrollmentId, inCentre, 'COMPLETED');
  await seed.placement(t2!.enrollmentId, inCentre, 'DECLINED');
  await seed.placement(t2!.enrollmentId, workshop, 'COMPLETED');
  await seed.placement(t3!.enrollmentId, workshop, 'COMPLETED');
  await seed.placement(t4!.enrollmentId, inCentre, 'PROPOSED');
  await seed.placement(t5!.enrollmentId, workshop, 'ENDED_EARLY');
  await seed.placement(t6!.enrollmentId, workshop, 'PROPOSED');
  await seed.placement(t8!.enrollmentId, woodCentre, 'COMPLETED');
  await seed.placement(t9!.enrollmentId, cooperative, 'COMPLETED');
}

/** Centre C: c1 F graduated in the centre (HOST_COMPANY), c2 M graduated outside (SEEKING), c3 F dropped out unplaced. */
async function seedCentreC() {
  const seed = graduateSeeder(env.db.owner, tenantC);
  const weaving = await seed.cohort('2024-09-16', WEAVING);
  const [c1, c2] = await seed.trainees(weaving.cohortId, [
    { sex: 'F', answers: { 0: 'HOST_COMPANY' } },
    { sex: 'M', answers: { 0: 'SEEKING' } },
    { sex: 'F', status: 'DROPPED_OUT' },
  ]);
  await seed.placement(c1!.enrollmentId, await seed.host(weaving.tradeId, 'IN_CENTRE'), 'COMPLETED');
  await seed.placement(c2!.enrollmentId, await seed.host(weaving.tradeId, 'ARTISAN_WORKSHOP'), 'COMPLETED');
}

beforeAll(async () => {
  env = await openTestEnv();
  const network2 = newId();
  tenantC = newId();
  tenantD = newId();
  await env.db.owner.insertInto('network').values({ id: network2, name: 'Autre réseau' }).execute();
  await env.db.owner
    .insertInto('tenant')
    .values([
      // A name that HTML would read as markup: the PDF must print it as text.
      {
        id: tenantC,
        network_id: env.f.networkId,
        kind: 'CRAFT_CENTRE',
        name: 'Centre C <b>&</b>',
        name_ar: 'مركز سلا',
        city: 'Salé',
      },
      { id: tenantD, network_id: network2, kind: 'CRAFT_CENTRE', name: 'Centre D', city: 'Tanger' },
    ])
    .execute();
  const adminId = await user('reseau@test.ma');
  const partialId = await user('reseau.partiel@test.ma');
  for (const tenant of [env.f.tenantA, env.f.tenantB, tenantC, tenantD])
    await member(adminId, tenant, 'NETWORK_ADMIN');
  await member(partialId, env.f.tenantA, 'NETWORK_ADMIN');
  await member(partialId, tenantC, 'DIRECTOR');

  await seedCentreA();
  await seedCentreC();
  // Another network's centre with graduates, all at work: never in network 1's figures.
  const seedD = graduateSeeder(env.db.owner, tenantD);
  const cohortD = await seedD.cohort('2024-09-16', WEAVING);
  await seedD.trainees(
    cohortD.cohortId,
    Array.from({ length: 5 }, () => ({ sex: 'M' as const, answers: { 0: 'HOST_COMPANY' } })),
  );

  director = await env.t.signIn(env.f.directorA.email);
  directorB = await env.t.signIn(env.f.directorB.email);
  admin = await env.t.signIn('reseau@test.ma');
  partialAdmin = await env.t.signIn('reseau.partiel@test.ma');
});
afterAll(() => env.close());

const asA = () => ({ token: director, tenantId: env.f.tenantA });
const asAdmin = (locale: 'ar' | 'fr' = 'fr') => ({ token: admin, tenantId: env.f.tenantA, locale });

const CENTRE_A = {
  name: 'Centre A',
  trainees: 8,
  women: 5,
  trainedInside: 2,
  trainedOutside: 4,
  graduates: 6,
  graduatesWomen: 3,
  byTrade: [
    {
      tradeCode: 'WEAVING',
      tradeFr: 'Tissage',
      tradeAr: 'النسيج',
      trainees: 5,
      women: 4,
      graduates: 4,
      share: 0.625,
    },
    {
      tradeCode: 'WOOD',
      tradeFr: 'Menuiserie d’art',
      tradeAr: 'النجارة الفنية',
      trainees: 3,
      women: 1,
      graduates: 2,
      share: 0.375,
    },
  ],
  integration: {
    key: 'Centre A',
    graduates: 6,
    surveyed: 5,
    notSurveyed: 1,
    unreachable: 1,
    reached: 4,
    integrated: 3,
    rate: 0.75,
  },
};

const counts = (outcomes: { status: string; count: number }[]) =>
  Object.fromEntries(outcomes.filter((o) => o.count > 0).map((o) => [o.status, o.count]));

describe('the activity report', () => {
  it('gives a centre its year as hand-counted', async () => {
    const result = await env.t.gql(REPORT, { year: 2024 }, asA());
    const report = result.data.activityReport;
    expect(report).toMatchObject({ year: 2024, scope: 'TENANT' });
    expect(report.centres).toHaveLength(1);
    expect(report.centres[0]).toMatchObject({ ...CENTRE_A, tenant: { id: env.f.tenantA } });
    expect(counts(report.centres[0].outcomes)).toEqual({
      COOPERATIVE: 1,
      SELF_EMPLOYED: 1,
      FURTHER_TRAINING: 1,
      SEEKING: 1,
      UNREACHABLE: 1,
    });
    expect(report.total).toMatchObject({ trainees: 8, graduates: 6 });
    // The year before has only the 2023 graduate.
    const before = (await env.t.gql(REPORT, { year: 2023 }, asA())).data.activityReport;
    expect(before.total).toMatchObject({
      trainees: 1,
      graduates: 1,
      byTrade: [{ tradeCode: 'OLD', share: 1 }],
    });
  });

  it('adds up the centres of the caller’s network where they are network admin, never another network', async () => {
    const report = (await env.t.gql(REPORT, { year: 2024, scope: 'NETWORK' }, asAdmin())).data.activityReport;
    expect(report.centres.map((c: { tenant: { id: string } }) => c.tenant.id)).toEqual([
      env.f.tenantA,
      tenantC,
    ]);
    expect(report.centres[0]).toMatchObject(CENTRE_A);
    expect(report.centres[1]).toMatchObject({
      name: 'Centre C <b>&</b>',
      trainees: 3,
      women: 2,
      trainedInside: 1,
      trainedOutside: 1,
      graduates: 2,
      graduatesWomen: 1,
      integration: { graduates: 2, surveyed: 2, reached: 2, integrated: 1, rate: 0.5 },
    });
    // Network 1: A + C. Centre D (network 2, 5 graduates all at work) is not in it.
    expect(report.total).toMatchObject({
      tenant: null,
      name: 'Réseau de test',
      trainees: 11,
      women: 7,
      trainedInside: 3,
      trainedOutside: 5,
      graduates: 8,
      graduatesWomen: 4,
      integration: { graduates: 8, surveyed: 7, notSurveyed: 1, unreachable: 1, reached: 6, integrated: 4 },
    });
    expect(report.total.integration.rate).toBeCloseTo(4 / 6, 10);
    expect(
      report.total.byTrade.map((t: { tradeCode: string; trainees: number; share: number }) => [
        t.tradeCode,
        t.trainees,
        t.share,
      ]),
    ).toEqual([
      ['WEAVING', 8, 8 / 11],
      ['WOOD', 3, 3 / 11],
    ]);
    expect(counts(report.total.outcomes)).toEqual({
      HOST_COMPANY: 1,
      COOPERATIVE: 1,
      SELF_EMPLOYED: 1,
      FURTHER_TRAINING: 1,
      SEEKING: 2,
      UNREACHABLE: 1,
    });
  });

  it('leaves out a centre where the network admin is not network admin, and refuses NETWORK to others', async () => {
    const partial = await env.t.gql(
      REPORT,
      { year: 2024, scope: 'NETWORK' },
      { token: partialAdmin, tenantId: env.f.tenantA },
    );
    expect(partial.data.activityReport.centres.map((c: { name: string }) => c.name)).toEqual(['Centre A']);
    expect(partial.data.activityReport.total).toMatchObject({ trainees: 8, graduates: 6 });
    const integration = await env.t.gql(
      'query { integration(year: 2024, scope: NETWORK) { byCentre { key graduates } total { graduates } } }',
      {},
      { token: partialAdmin, tenantId: env.f.tenantA },
    );
    expect(integration.data.integration.byCentre).toEqual([{ key: 'Centre A', graduates: 6 }]);
    // As a director of C they read C's own report, not the network's.
    const asDirector = await env.t.gql(
      REPORT,
      { year: 2024, scope: 'NETWORK' },
      { token: partialAdmin, tenantId: tenantC },
    );
    expect(asDirector.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const directorNetwork = await env.t.gql(REPORT, { year: 2024, scope: 'NETWORK' }, asA());
    expect(directorNetwork.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const full = await env.t.gql(
      'query { integration(year: 2024, scope: NETWORK) { byCentre { key graduates } total { graduates integrated } } }',
      {},
      asAdmin(),
    );
    expect(full.data.integration.byCentre).toEqual([
      { key: 'Centre A', graduates: 6 },
      { key: 'Centre C <b>&</b>', graduates: 2 },
    ]);
    expect(full.data.integration.total).toEqual({ graduates: 8, integrated: 4 });
  });

  it('shows tenant B its own (empty) year, never A’s, and checks the year', async () => {
    const result = await env.t.gql(REPORT, { year: 2024 }, { token: directorB, tenantId: env.f.tenantB });
    expect(result.data.activityReport.total).toMatchObject({
      name: 'Centre B',
      trainees: 0,
      graduates: 0,
      byTrade: [],
    });
    const notMember = await env.t.gql(REPORT, { year: 2024 }, { token: directorB, tenantId: env.f.tenantA });
    expect(notMember.errors?.[0]?.extensions?.code).toBe('NOT_A_MEMBER');
    const badYear = await env.t.gql(REPORT, { year: 1850 }, asA());
    expect(badYear.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });
});

describe('the exported report', () => {
  const fileOf = async (format: string, caller: Caller = asAdmin(), scope = 'NETWORK') => {
    const result = await env.t.gql(EXPORT, { year: 2024, scope, format }, caller);
    expect(result.errors).toBeUndefined();
    return result.data.exportActivityReport;
  };

  it('reads back as CSV: the three tables, figures as published', async () => {
    const file = await fileOf('CSV');
    expect(file).toMatchObject({
      fileName: 'rapport-activite-reseau-2024.csv',
      mimeType: 'text/csv; charset=utf-8',
    });
    const records = parseCsv(Buffer.from(file.contentBase64, 'base64'), {
      bom: true,
      delimiter: ';',
      relax_column_count: true,
    }) as string[][];
    const table = (title: string) => {
      const start = records.findIndex((r) => r[0] === title);
      expect(start).toBeGreaterThanOrEqual(0);
      const rows: string[][] = [];
      for (let i = start + 4; i < records.length && records[i]!.some((c) => c !== ''); i++)
        rows.push(records[i]!);
      return { arabic: records[start + 1]![0], header: records[start + 2]!, rows };
    };
    const summary = table('Synthèse par centre 2024-2025');
    expect(summary.arabic).toBe('ملخص حسب المركز 2024-2025');
    expect(summary.header.slice(0, 3)).toEqual(['Centre', 'Stagiaires', 'Femmes']);
    expect(summary.rows).toEqual([
      ['Centre A', '8', '5', '2', '4', '6', '3', '5', '1', '4', '3', '75'],
      ['Centre C <b>&</b>', '3', '2', '1', '1', '2', '1', '2', '0', '2', '1', '50'],
      ['Réseau de test', '11', '7', '3', '5', '8', '4', '7', '1', '6', '4', '66,7'],
    ]);
    const trades = table('Stagiaires par métier 2024-2025');
    expect(trades.rows[0]).toEqual(['Centre A', 'Tissage — النسيج', '5', '4', '4', '62,5']);
    expect(trades.rows.at(-1)).toEqual([
      'Réseau de test',
      'Menuiserie d’art — النجارة الفنية',
      '3',
      '1',
      '2',
      '27,3',
    ]);
    const outcomes = table('Devenir des lauréats 2024-2025');
    expect(outcomes.header).toEqual([
      'Centre',
      'Lauréats',
      'Non enquêtés',
      'Placés en entreprise',
      'Placés en coopérative',
      'Auto-emploi',
      'Création d’une coopérative',
      'Création d’une activité',
      'Formation spécialisée supérieure',
      'En recherche d’emploi',
      'Injoignables',
      'Taux d’insertion (%)',
    ]);
    expect(outcomes.rows[0]).toEqual(['Centre A', '6', '1', '0', '1', '1', '0', '0', '1', '1', '1', '75']);
  });

  it('reads back as XLSX with exceljs, numbers as numbers', async () => {
    const file = await fileOf('XLSX', asA(), 'TENANT');
    expect(file.fileName).toBe('rapport-activite-2024.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Synthèse', 'Métiers', 'Devenir des lauréats']);
    const summary = workbook.getWorksheet('Synthèse')!;
    expect(summary.getRow(1).getCell(2).value).toBe('ملخص حسب المركز 2024-2025');
    expect(summary.getRow(3).getCell(2).value).toBe('المتدربون');
    expect((summary.getRow(4).values as unknown[]).slice(1)).toEqual([
      'Centre A',
      8,
      5,
      2,
      4,
      6,
      3,
      5,
      1,
      4,
      3,
      75,
    ]);
    const trades = workbook.getWorksheet('Métiers')!;
    expect(trades.getRow(5).getCell(6).value).toBe(37.5);
  });

  it('prints as a PDF in Arabic and French whose text holds the Arabic heading and the figures', async () => {
    const file = await fileOf('PDF', asAdmin('ar'));
    expect(file).toMatchObject({ fileName: 'rapport-activite-reseau-2024.pdf', mimeType: 'application/pdf' });
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    const squeezed = text.replace(/\s+/g, ' ');
    // The Arabic headings as typed: shaped by Chromium, read back in logical order.
    expect(squeezed).toContain('التقرير السنوي للأنشطة');
    expect(squeezed).toContain('ملخص حسب المركز');
    expect(squeezed).toContain('وضعية الخريجين');
    expect(squeezed).toContain('Rapport d’activité');
    expect(squeezed).toContain('Réseau de test');
    // The centre's name printed as it is written, not read as markup.
    expect(squeezed).toContain('Centre C <b>&</b>');
    expect(squeezed).toMatch(/66,7 %/);
    expect(squeezed).toMatch(/\b11\b.*\b7\b.*\b3\b.*\b5\b.*\b8\b/);
  });
});

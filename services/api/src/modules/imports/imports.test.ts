import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEnv, type TestEnv } from '../../../test/app.js';
import { PASSWORD } from '../../../test/fixtures.js';
import type { Tx } from '../../db/with-tenant.js';
import { withTenant } from '../../db/with-tenant.js';
import { ERROR_MESSAGES } from '../../graphql/messages.js';
import { newId } from '../../lib/ids.js';
import { hashPassword } from '../identity/password.js';
import { runDueJobs } from '../jobs/queue.js';
import { IMPORT_JOB, INLINE_MAX_ROWS, importJobHandlers, PROGRESS_EVERY } from './service.js';

let env: TestEnv;
let tokenA: string;
let tokenB: string;
let instructorToken: string;
let artisanToken: string;
/** Ages 15–30 on 2027-09-01, no school level required. */
let cohortId: string;
let otherCohortId: string;

const FIELDS = `id status dryRun fileName totalRows processedRows createdPeople createdEnrollments skippedRows
  rowErrors { row column code message } cohort { id label } createdAt finishedAt`;
const IMPORT = `mutation ($input: ImportApplicantsInput!) {
  importApplicants(input: $input) { applicantImport { ${FIELDS} } errors { code field message } }
}`;
const READ = `query ($id: ID!) { applicantImport(id: $id) { ${FIELDS} } }`;

async function seedCohorts(tx: Tx, tenantId: string) {
  const tradeId = newId();
  const programmeId = newId();
  await tx
    .insertInto('trade')
    .values({ tenant_id: tenantId, id: tradeId, code: 'WEAVING', name_fr: 'Tissage', name_ar: 'النسيج' })
    .execute();
  await tx
    .insertInto('programme')
    .values({
      tenant_id: tenantId,
      id: programmeId,
      trade_id: tradeId,
      name_fr: 'Tissage traditionnel',
      name_ar: 'النسيج التقليدي',
      duration_months: 24,
    })
    .execute();
  const ids = [newId(), newId()];
  await tx
    .insertInto('cohort')
    .values(
      ids.map((id, i) => ({
        tenant_id: tenantId,
        id,
        programme_id: programmeId,
        label: `2027-${i + 1}`,
        starts_on: '2027-09-01',
        ends_on: '2029-07-31',
        capacity: 5000,
      })),
    )
    .execute();
  return ids as [string, string];
}

async function seedMember(role: 'INSTRUCTOR', email: string) {
  const userId = newId();
  await env.db.owner
    .insertInto('app_user')
    .values({ id: userId, display_name: role, email, password_hash: await hashPassword(PASSWORD) })
    .execute();
  await withTenant(env.db.owner, env.f.tenantA, (tx) =>
    tx
      .insertInto('membership')
      .values({ tenant_id: env.f.tenantA, id: newId(), user_id: userId, role })
      .execute(),
  );
  return env.t.signIn(email);
}

beforeAll(async () => {
  env = await openTestEnv();
  tokenA = await env.t.signIn(env.f.directorA.email);
  tokenB = await env.t.signIn(env.f.directorB.email);
  instructorToken = await seedMember('INSTRUCTOR', 'formateur.a@test.ma');
  artisanToken = await env.t.signInByCode(env.f.artisanA.phone);
  [cohortId, otherCohortId] = await withTenant(env.db.owner, env.f.tenantA, (tx) =>
    seedCohorts(tx, env.f.tenantA),
  );
});
afterAll(async () => {
  await env?.close();
});

const asA = { tenantId: '', token: '' };
const directorA = () => ({ ...asA, token: tokenA, tenantId: env.f.tenantA });

function importFile(
  bytes: Buffer | string,
  options: {
    fileName?: string;
    dryRun?: boolean;
    cohort?: string;
    as?: Parameters<TestEnv['t']['gql']>[2];
  } = {},
) {
  return env.t.gql(
    IMPORT,
    {
      input: {
        cohortId: options.cohort ?? cohortId,
        fileName: options.fileName ?? 'candidats.csv',
        contentBase64: Buffer.from(bytes).toString('base64'),
        dryRun: options.dryRun ?? false,
      },
    },
    options.as ?? directorA(),
  );
}

const runWorker = () => runDueJobs(env.t.app.deps.db, importJobHandlers, { limit: 5 });

type Counted = 'person' | 'enrollment' | 'enrollment_event' | 'applicant_import';
async function counts() {
  return withTenant(env.db.owner, env.f.tenantA, async (tx) => {
    const n = async (table: Counted) =>
      (
        await tx
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const audit = await tx
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity_type', '<>', 'applicant_import')
      .executeTakeFirstOrThrow();
    return {
      person: await n('person'),
      enrollment: await n('enrollment'),
      enrollment_event: await n('enrollment_event'),
      audit: audit.n,
    };
  });
}

const FRENCH_CSV =
  '\uFEFFPrénom;NOM;Sexe;Date de naissance;CIN;Téléphone;Tuteur;Téléphone du tuteur;Niveau scolaire;Handicap;Province\r\n' +
  'Amina;Alaoui;Femme;14/03/2000;ab123456;06 61 00 00 01;;;Lycée;non;Fès\r\n' +
  'Youssef;Bennani;Homme;2010-05-01;;0661000002;"Bennani, Ahmed";0661000003;collège;;Sefrou\r\n' +
  'Salma;"El Idrissi";F;01/02/2003;;0661000004;;;BAC;oui;\r\n';

describe('importing applicants', () => {
  it('imports a French-headed CSV at once (small file) and creates people and applications', async () => {
    const before = await counts();
    const result = await importFile(FRENCH_CSV);
    expect(result.data.importApplicants.errors).toEqual([]);
    const imported = result.data.importApplicants.applicantImport;
    expect(imported).toMatchObject({
      status: 'SUCCEEDED',
      dryRun: false,
      fileName: 'candidats.csv',
      totalRows: 3,
      processedRows: 3,
      createdPeople: 3,
      createdEnrollments: 3,
      skippedRows: 0,
      rowErrors: [],
      cohort: { id: cohortId, label: '2027-1' },
    });
    expect(imported.finishedAt).not.toBeNull();
    const after = await counts();
    expect(after.person - before.person).toBe(3);
    expect(after.enrollment - before.enrollment).toBe(3);
    expect(after.enrollment_event - before.enrollment_event).toBe(3);

    const people = await withTenant(env.db.owner, env.f.tenantA, (tx) =>
      tx.selectFrom('person').selectAll().orderBy('last_name_latin').execute(),
    );
    expect(people.map((p) => [p.last_name_latin, p.first_name_latin, p.sex, p.birth_date])).toEqual([
      ['Alaoui', 'Amina', 'F', '2000-03-14'],
      ['Bennani', 'Youssef', 'M', '2010-05-01'],
      ['El Idrissi', 'Salma', 'F', '2003-02-01'],
    ]);
    expect(people[0]).toMatchObject({ cin: 'AB123456', phone: '+212661000001', school_level: 'SECONDARY' });
    expect(people[1]).toMatchObject({
      guardian_name: 'Bennani, Ahmed',
      guardian_phone: '+212661000003',
      school_level: 'MIDDLE',
      has_disability: false,
      province: 'Sefrou',
    });
    expect(people[2]).toMatchObject({ school_level: 'BACCALAUREATE', has_disability: true, province: null });
  });

  it('imports the same file again without creating anything: every row is skipped', async () => {
    const before = await counts();
    const again = (await importFile(FRENCH_CSV)).data.importApplicants.applicantImport;
    expect(again).toMatchObject({
      status: 'SUCCEEDED',
      createdPeople: 0,
      createdEnrollments: 0,
      skippedRows: 3,
      rowErrors: [],
    });
    expect(await counts()).toEqual(before);

    // The same people into another cohort: the records are reused, only the applications are new.
    const other = (await importFile(FRENCH_CSV, { cohort: otherCohortId })).data.importApplicants
      .applicantImport;
    expect(other).toMatchObject({
      status: 'SUCCEEDED',
      createdPeople: 0,
      createdEnrollments: 3,
      skippedRows: 0,
    });
    const after = await counts();
    expect(after.person).toBe(before.person);
    expect(after.enrollment).toBe(before.enrollment + 3);
  });

  it('does nothing when its job runs again after the import finished (a worker died before marking it done)', async () => {
    const imported = (await importFile(FRENCH_CSV, { dryRun: true })).data.importApplicants.applicantImport;
    const before = await counts();
    const job = sql<boolean>`payload->>'importId' = ${imported.id}`;
    await env.db.owner.updateTable('job').set({ status: 'PENDING', attempts: 0 }).where(job).execute();
    expect(await runWorker()).toBe(1);
    expect(await counts()).toEqual(before);
    const read = (await env.t.gql(READ, { id: imported.id }, directorA())).data.applicantImport;
    expect(read).toMatchObject({ status: imported.status, finishedAt: imported.finishedAt });
  });

  it('imports an XLSX with Arabic headers, real dates and numeric phones', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('المترشحون');
    sheet.addRow([
      'الاسم بالفرنسية',
      'النسب بالفرنسية',
      'الاسم',
      'النسب',
      'الجنس',
      'تاريخ الازدياد',
      'رقم البطاقة الوطنية',
      'الهاتف',
      'المستوى الدراسي',
      'إعاقة',
      'الإقليم',
    ]);
    sheet.addRow([
      'Khadija',
      'Tazi',
      'خديجة',
      'التازي',
      'أنثى',
      new Date(Date.UTC(2001, 5, 30)),
      'C45678',
      662000001,
      'إعدادي',
      'نعم',
      'مكناس',
    ]);
    sheet.addRow([
      'Omar',
      'Fassi',
      'عمر',
      'الفاسي',
      'ذكر',
      '15/01/1999',
      null,
      '0662000002',
      'ثانوي',
      'لا',
      'فاس',
    ]);
    workbook.addWorksheet('ملاحظات').addRow(['not read']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const result = await importFile(bytes, { fileName: 'المترشحون.xlsx', cohort: otherCohortId });
    expect(result.data.importApplicants.errors).toEqual([]);
    expect(result.data.importApplicants.applicantImport).toMatchObject({
      status: 'SUCCEEDED',
      totalRows: 2,
      createdPeople: 2,
      createdEnrollments: 2,
      rowErrors: [],
    });
    const khadija = await withTenant(env.db.owner, env.f.tenantA, (tx) =>
      tx.selectFrom('person').selectAll().where('cin', '=', 'C45678').executeTakeFirstOrThrow(),
    );
    expect(khadija).toMatchObject({
      first_name_latin: 'Khadija',
      first_name_ar: 'خديجة',
      last_name_ar: 'التازي',
      sex: 'F',
      birth_date: '2001-06-30',
      phone: '+212662000001',
      school_level: 'MIDDLE',
      has_disability: true,
      province: 'مكناس',
    });
  });
});

// Row 2 is fine; every other row has something wrong (some only the enrollment rules can see).
const BAD_CSV = [
  'Prénom,Nom,Sexe,Date de naissance,CIN,Téléphone,Tuteur,Téléphone du tuteur',
  'Nadia,Chraibi,F,2002-04-04,BK111111,0663000001,,', // 2: fine
  ',Lahlou,F,2002-04-04,,,,', // 3: no first name
  'Hamza,Berrada,M,31/02/2003,,,,', // 4: no such day
  'Imane,Skalli,F,2002-01-01,123,,,', // 5: bad CIN
  'Rayan,Kettani,M,2011-06-06,,,,', // 6: a minor without guardian (two columns)
  'Sara,Ouazzani,X,2002-01-01,,06123,,', // 7: bad sex, bad phone
  'Driss,Benjelloun,M,1980-01-01,,,,', // 8: 47 on the first day of the cohort: ineligible
  'Nadia,Chraibi,F,2002-04-04,bk111111,,,', // 9: row 2 again (same CIN)
  '',
  'Mehdi,Sqalli,M,2001-01-01,,,,', // 11: fine
].join('\n');

const EXPECTED_BAD_ROWS = [
  { row: 3, column: 'Prénom', code: 'REQUIRED' },
  { row: 4, column: 'Date de naissance', code: 'INVALID_DATE' },
  { row: 5, column: 'CIN', code: 'INVALID_CIN' },
  { row: 6, column: 'Tuteur', code: 'GUARDIAN_REQUIRED' },
  { row: 6, column: 'Téléphone du tuteur', code: 'GUARDIAN_REQUIRED' },
  { row: 7, column: 'Sexe', code: 'INVALID_INPUT' },
  { row: 7, column: 'Téléphone', code: 'INVALID_PHONE' },
  { row: 8, column: 'Date de naissance', code: 'INELIGIBLE_AGE' },
  { row: 9, column: 'CIN', code: 'DUPLICATE_ROW' },
];

describe('files with bad rows', () => {
  it('dry run: lists every bad row with its column and code, in the reader’s language, and writes nothing', async () => {
    const before = await counts();
    const result = await importFile(BAD_CSV, { dryRun: true });
    const imported = result.data.importApplicants.applicantImport;
    // The blank line is no row (but row numbers still count it).
    expect(imported).toMatchObject({ status: 'FAILED', dryRun: true, totalRows: 9, processedRows: 9 });
    expect(
      imported.rowErrors.map(({ row, column, code }: Record<string, unknown>) => ({ row, column, code })),
    ).toEqual(EXPECTED_BAD_ROWS);
    expect(imported.rowErrors[0].message).toBe(ERROR_MESSAGES['fr-MA'].REQUIRED);
    // What a real run would have done with the good rows.
    expect(imported).toMatchObject({ createdPeople: 2, createdEnrollments: 2 });
    expect(await counts()).toEqual(before);

    const inArabic = await env.t.gql(READ, { id: imported.id }, { ...directorA(), locale: 'ar' });
    expect(inArabic.data.applicantImport.rowErrors[7]).toEqual({
      row: 8,
      column: 'Date de naissance',
      code: 'INELIGIBLE_AGE',
      message: ERROR_MESSAGES['ar-MA'].INELIGIBLE_AGE,
    });
  });

  it('real run: all or nothing — one bad row and not even the good rows are written', async () => {
    const before = await counts();
    const imported = (await importFile(BAD_CSV)).data.importApplicants.applicantImport;
    expect(imported).toMatchObject({
      status: 'FAILED',
      dryRun: false,
      createdPeople: 0,
      createdEnrollments: 0,
      skippedRows: 0,
    });
    expect(imported.rowErrors.map(({ row, code }: Record<string, unknown>) => ({ row, code }))).toEqual(
      EXPECTED_BAD_ROWS.map(({ row, code }) => ({ row, code })),
    );
    expect(await counts()).toEqual(before);
    const nadia = await withTenant(env.db.owner, env.f.tenantA, (tx) =>
      tx.selectFrom('person').select('id').where('cin', '=', 'BK111111').execute(),
    );
    expect(nadia).toEqual([]);
  });

  it('a dry run of a good file succeeds and still writes nothing', async () => {
    const before = await counts();
    const file = 'Prénom,Nom,Sexe,Date de naissance\nLeila,Amrani,F,2004-04-04\n';
    const imported = (await importFile(file, { dryRun: true })).data.importApplicants.applicantImport;
    expect(imported).toMatchObject({
      status: 'SUCCEEDED',
      createdPeople: 1,
      createdEnrollments: 1,
      rowErrors: [],
    });
    expect(await counts()).toEqual(before);
  });
});

/** Latin letters only (names may not hold digits): 0 → "Aaaa", 1 → "Aaab"… */
const letters = (n: number) =>
  `A${[2, 1, 0].map((p) => String.fromCharCode(97 + (Math.floor(n / 26 ** p) % 26))).join('')}`;

describe('large files', () => {
  it('runs 3,000 rows through the queue, publishing progress while the import runs', async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => `Ali,${letters(i)},M,2003-05-05`);
    const file = `prenom,nom,sexe,date de naissance\n${rows.join('\n')}\n`;
    const before = await counts();
    const result = await importFile(file, { fileName: 'gros.csv' });
    expect(result.data.importApplicants.errors).toEqual([]);
    const queued = result.data.importApplicants.applicantImport;
    expect(queued).toMatchObject({ status: 'PENDING', totalRows: 3_000, processedRows: 0 });
    expect(3_000).toBeGreaterThan(INLINE_MAX_ROWS);

    // The queued job names the import, never a person.
    const [job] = await env.db.owner
      .selectFrom('job')
      .selectAll()
      .where(sql<boolean>`payload->>'importId' = ${queued.id}`)
      .execute();
    expect(job).toMatchObject({ kind: IMPORT_JOB, status: 'PENDING', for_tenant_id: env.f.tenantA });
    expect(Object.keys(job!.payload as object).sort()).toEqual(['importId', 'requestId', 'roles']);

    // Poll as a client would while the worker runs.
    const seen: { status: string; processedRows: number }[] = [];
    let running = true;
    const poller = (async () => {
      while (running) {
        const read = await env.t.gql(READ, { id: queued.id }, directorA());
        seen.push(read.data.applicantImport);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    expect(await runWorker()).toBe(1);
    running = false;
    await poller;

    const done = (await env.t.gql(READ, { id: queued.id }, directorA())).data.applicantImport;
    expect(done).toMatchObject({
      status: 'SUCCEEDED',
      processedRows: 3_000,
      createdPeople: 3_000,
      createdEnrollments: 3_000,
      skippedRows: 0,
      rowErrors: [],
    });
    const midway = seen.filter(
      (s) => s.status === 'RUNNING' && s.processedRows > 0 && s.processedRows < 3_000,
    );
    expect(midway.length).toBeGreaterThan(0);
    expect(midway.every((s) => s.processedRows % PROGRESS_EVERY === 0)).toBe(true);
    const after = await counts();
    expect(after.person - before.person).toBe(3_000);
    expect(after.enrollment - before.enrollment).toBe(3_000);
    expect(
      (
        await env.db.owner
          .selectFrom('job')
          .select('status')
          .where('id', '=', job!.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('DONE');
  }, 240_000);
});

describe('refusals', () => {
  it('names every missing required column and queues nothing', async () => {
    const before = await withTenant(env.db.owner, env.f.tenantA, (tx) =>
      tx
        .selectFrom('applicant_import')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    const jobs = (await env.db.owner.selectFrom('job').select('id').execute()).length;
    const result = await importFile('Nom;Sexe;Remarques\nAlaoui;F;x\n');
    expect(result.data.importApplicants).toEqual({
      applicantImport: null,
      errors: [
        { code: 'MISSING_COLUMN', field: 'firstNameLatin', message: ERROR_MESSAGES['fr-MA'].MISSING_COLUMN },
        { code: 'MISSING_COLUMN', field: 'birthDate', message: ERROR_MESSAGES['fr-MA'].MISSING_COLUMN },
      ],
    });
    const after = await withTenant(env.db.owner, env.f.tenantA, (tx) =>
      tx
        .selectFrom('applicant_import')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    expect(after.n).toBe(before.n);
    expect((await env.db.owner.selectFrom('job').select('id').execute()).length).toBe(jobs);
  });

  it('refuses unreadable and oversized files, and unknown cohorts', async () => {
    const error = async (...args: Parameters<typeof importFile>) =>
      (await importFile(...args)).data.importApplicants.errors;
    expect(await error(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), { fileName: 'vieux.xls' })).toEqual(
      [{ code: 'FILE_UNREADABLE', field: 'contentBase64', message: ERROR_MESSAGES['fr-MA'].FILE_UNREADABLE }],
    );
    expect(await error(Buffer.from([0x50, 0x72, 0xe9, 0x6e, 0x6f, 0x6d, 0x0a]))).toMatchObject([
      { code: 'FILE_UNREADABLE', field: 'contentBase64' },
    ]);
    expect(
      await error(`Prénom,Nom,Sexe,Date de naissance\n${'a,b,F,2000-01-01\n'.repeat(10_001)}`),
    ).toMatchObject([{ code: 'FILE_TOO_LARGE', field: 'contentBase64' }]);
    expect(await error(FRENCH_CSV, { cohort: newId() })).toMatchObject([
      { code: 'NOT_FOUND', field: 'cohortId' },
    ]);
    expect(await error(FRENCH_CSV, { cohort: 'nope' })).toMatchObject([
      { code: 'NOT_FOUND', field: 'cohortId' },
    ]);
  });

  it('lets only directors and coordinators import; instructors may read, host artisans may not', async () => {
    const asInstructor = { token: instructorToken, tenantId: env.f.tenantA };
    const asArtisan = { token: artisanToken, tenantId: env.f.tenantA };
    for (const as of [asInstructor, asArtisan]) {
      expect((await importFile(FRENCH_CSV, { as })).data.importApplicants).toMatchObject({
        applicantImport: null,
        errors: [{ code: 'FORBIDDEN' }],
      });
    }
    const mine = (await importFile(FRENCH_CSV, { dryRun: true })).data.importApplicants.applicantImport;
    expect((await env.t.gql(READ, { id: mine.id }, asInstructor)).data.applicantImport.id).toBe(mine.id);
    const artisanRead = await env.t.gql(READ, { id: mine.id }, asArtisan);
    expect(artisanRead.data?.applicantImport ?? null).toBeNull();
    expect(artisanRead.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps one tenant’s imports and cohorts out of another’s reach', async () => {
    const mine = (await importFile(FRENCH_CSV, { dryRun: true })).data.importApplicants.applicantImport;
    const asB = { token: tokenB, tenantId: env.f.tenantB };
    const read = await env.t.gql(READ, { id: mine.id }, asB);
    expect(read.errors).toBeUndefined();
    expect(read.data.applicantImport).toBeNull();
    // A's cohort does not exist for B.
    expect((await importFile(FRENCH_CSV, { as: asB })).data.importApplicants.errors).toMatchObject([
      { code: 'NOT_FOUND', field: 'cohortId' },
    ]);
    // And A's token cannot act in B.
    expect(
      (await env.t.gql(READ, { id: mine.id }, { token: tokenA, tenantId: env.f.tenantB })).errors?.[0]
        ?.extensions?.code,
    ).toBe('NOT_A_MEMBER');
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEnv, type TestEnv } from '../../../test/app.js';
import { pdfText } from '../../../test/pdf-text.js';
import { type Tx, withTenant } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import { addDays, type Seeder, seeder, today } from '../attendance/test-seed.js';
import { runDueJobs } from '../jobs/queue.js';
import type { CertificateContent } from './content.js';
import { issueCertificates } from './issue.js';
import { certificateJobHandlers } from './render.js';
import { newSerial, normalizeSerial, SERIAL_ALPHABET, SERIAL_PATTERN } from './serial.js';
import { certificateHtml } from './template.js';

let env: TestEnv;
let s: Seeder;
const tokens: Record<string, string> = {};
const TODAY = today();
const STARTS = addDays(TODAY, -90);
const ENDS = addDays(TODAY, 30);
let cohortId: string;
const people: Record<
  string,
  { personId: string; enrollmentId: string; certificateId?: string; serial?: string }
> = {};

const ERRORS = 'errors { code field message }';
const CERTIFICATE = `id serial status issuedOn holderNameLatin holderNameAr centreName centreNameAr tradeFr tradeAr
  programmeFr programmeAr cohortLabel startsOn endsOn graduatedOn theoryHours practiceHours verificationUrl pdfReady
  revokedAt revokedReason person { id } graduation { id enrollment { id } }`;
const VERIFY = `query ($serial: String!) { verifyCertificate(serial: $serial) {
  serial status holderNameLatin holderNameAr programmeFr programmeAr centreName centreNameAr graduatedOn revokedOn
} }`;
const ONE = `query ($id: ID!) { certificate(id: $id) { ${CERTIFICATE} } }`;
const MINE = `query { myCertificates { id serial } }`;
const COHORT = `query ($id: ID!) { cohortCertificates(cohortId: $id) { id holderNameLatin } }`;
const PDF = `query ($id: ID!) { certificatePdf(id: $id) { fileName mimeType contentBase64 } }`;
const REVOKE = `mutation ($input: RevokeCertificateInput!) {
  revokeCertificate(input: $input) { certificate { id status revokedAt revokedReason } ${ERRORS} }
}`;

const as = (who: string, tenantId = env.f.tenantA) => ({ token: tokens[who]!, tenantId });
const inA = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(env.db.owner, env.f.tenantA, fn);

/** A bare public request: no cookie, no bearer token, no tenant header. */
async function verifyAnonymously(serial: string) {
  const response = await env.t.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', 'accept-language': 'fr' },
    payload: JSON.stringify({ query: VERIFY, variables: { serial } }),
  });
  expect(response.statusCode).toBe(200);
  const body = response.json();
  expect(body.errors).toBeUndefined();
  return body.data.verifyCertificate;
}

async function person(key: string, names: Record<string, string | null>, userId?: string) {
  const ids = await s.trainee(cohortId, { lastName: key, userId });
  await inA((tx) => tx.updateTable('person').set(names).where('id', '=', ids.personId).execute());
  await inA((tx) =>
    tx
      .insertInto('assessment')
      .values(
        (['INSTRUCTOR', 'HOST_ARTISAN'] as const).map((role) => ({
          tenant_id: env.f.tenantA,
          id: newId(),
          enrollment_id: ids.enrollmentId,
          assessor_role: role,
          score: '15',
          assessed_on: TODAY,
        })),
      )
      .execute(),
  );
  people[key] = ids;
  return ids;
}

beforeAll(async () => {
  env = await openTestEnv();
  s = seeder(env.db.owner, env.f.tenantA);
  await env.db.owner
    .updateTable('tenant')
    .set({ name: 'Centre de formation de Fès', name_ar: 'مركز التكوين بفاس' })
    .where('id', '=', env.f.tenantA)
    .execute();
  const catalogue = await s.cohort({ startsOn: STARTS, endsOn: ENDS });
  cohortId = catalogue.cohortId;
  await inA(async (tx) => {
    await tx
      .updateTable('trade')
      .set({ name_fr: 'Tissage', name_ar: 'النسيج' })
      .where('id', '=', catalogue.tradeId)
      .execute();
    await tx
      .updateTable('programme')
      .set({ name_fr: 'Qualification en tissage traditionnel', name_ar: 'التأهيل في النسيج التقليدي' })
      .where('id', '=', catalogue.programmeId)
      .execute();
  });
  const host = await s.host(catalogue.tradeId);
  const theory = await s.session({
    cohortId,
    kind: 'THEORY',
    day: addDays(TODAY, -20),
    startsAt: '09:00',
    endsAt: '12:30',
  });
  const practice = await s.session({ cohortId, kind: 'PRACTICE', day: addDays(TODAY, -19), hostId: host });

  await s.user('COORDINATOR', 'coordination@test.ma');
  await s.user('HOST_ARTISAN', 'maalem@test.ma', host);
  const salmaUser = await s.user('TRAINEE', 'salma@test.ma');
  await s.user('TRAINEE', 'karim@test.ma');
  tokens.director = await env.t.signIn(env.f.directorA.email);
  tokens.directorB = await env.t.signIn(env.f.directorB.email);
  tokens.coordinator = await env.t.signIn('coordination@test.ma');
  tokens.artisan = await env.t.signIn('maalem@test.ma');
  tokens.salma = await env.t.signIn('salma@test.ma');
  tokens.karim = await env.t.signIn('karim@test.ma');

  await person(
    'salma',
    { first_name_latin: 'Salma', last_name_latin: 'Benali', first_name_ar: 'سلمى', last_name_ar: 'بنعلي' },
    salmaUser,
  );
  // Typed by someone who meant harm: the PDF must print it, never run it.
  await person('youssef', {
    first_name_latin: 'Youssef <img src=x onerror=alert(1)>',
    last_name_latin: 'Tazi',
    first_name_ar: null,
    last_name_ar: null,
  });
  for (const key of ['salma', 'youssef']) {
    const { enrollmentId } = people[key]!;
    await s.placement({ enrollmentId, hostId: host, startsOn: STARTS, endsOn: ENDS });
    await s.attendance([
      { sessionId: theory, enrollmentId, status: 'PRESENT', hours: 3.5 },
      { sessionId: practice, enrollmentId, status: 'PRESENT', hours: 4 },
    ]);
    const result = await env.t.gql(
      `mutation ($input: GraduateInput!) { graduate(input: $input) { graduation { certificate { id serial } } ${ERRORS} } }`,
      { input: { enrollmentId, graduatedOn: addDays(TODAY, -2) } },
      as('director'),
    );
    expect(result.data.graduate.errors).toEqual([]);
    people[key]!.certificateId = result.data.graduate.graduation.certificate.id;
    people[key]!.serial = result.data.graduate.graduation.certificate.serial;
  }
});

afterAll(async () => {
  await env?.close();
});

describe('serials', () => {
  const decode = (serial: string) =>
    [...serial.replace(/^MLM-|-/g, '')].reduce((n, c) => n * 32n + BigInt(SERIAL_ALPHABET.indexOf(c)), 0n);

  it('are MLM and four groups of Crockford base32 (no I, L, O, U) carrying 80 random bits', () => {
    const serials = Array.from({ length: 1000 }, newSerial);
    for (const serial of serials) expect(serial).toMatch(SERIAL_PATTERN);
    expect(SERIAL_ALPHABET).toHaveLength(32);
    expect(SERIAL_ALPHABET).not.toMatch(/[ILOU]/);
    expect(new Set(serials).size).toBe(1000);
    // 16 characters × 5 bits: every value up to 2^80 can occur.
    expect(Math.max(...serials.map((x) => x.replace(/^MLM-|-/g, '').length))).toBe(16);
  });

  it('share no sequential pattern: neighbours are far apart and every character is equally likely', () => {
    const serials = Array.from({ length: 1000 }, newSerial);
    const values = serials.map(decode);
    let close = 0;
    let samePrefix = 0;
    for (let i = 1; i < values.length; i++) {
      const gap = values[i]! > values[i - 1]! ? values[i]! - values[i - 1]! : values[i - 1]! - values[i]!;
      if (gap < 2n ** 50n) close += 1;
      if (serials[i]!.slice(0, 8) === serials[i - 1]!.slice(0, 8)) samePrefix += 1;
    }
    // A counter or a clock would make neighbours close; random draws are ~2^79 apart.
    expect(close).toBe(0);
    expect(samePrefix).toBeLessThanOrEqual(2);
    // Chi-square of the 16,000 characters against uniform: 31 degrees of freedom, ~31 expected;
    // 90 is far out in the tail (p < 1e-6), a skewed or sequential source lands far beyond it.
    const counts = new Map<string, number>();
    for (const serial of serials)
      for (const c of serial.replace(/^MLM-|-/g, '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    const expected = 16_000 / 32;
    const chi2 = [...SERIAL_ALPHABET].reduce(
      (sum, c) => sum + ((counts.get(c) ?? 0) - expected) ** 2 / expected,
      0,
    );
    expect(chi2).toBeLessThan(90);
  });

  it('are read back however they were typed, and anything else is no serial', () => {
    const serial = 'MLM-7K3Q-9XWD-0A1B-ZZ00';
    expect(normalizeSerial(serial)).toBe(serial);
    expect(normalizeSerial('  mlm 7k3q 9xwd oa1b zzoo ')).toBe(serial);
    expect(normalizeSerial('7K3Q9XWD0A1BZZ00')).toBe(serial);
    expect(normalizeSerial('MLM-7K3Q-9XWD-0AIB-ZZ00')).toBe(serial);
    for (const bad of [
      '',
      'MLM',
      'MLM-7K3Q-9XWD-0A1B-ZZ0',
      'MLM-7K3Q-9XWD-0A1B-ZZ000',
      'MLM-7K3Q-9XWD-0A1B-ZZ0U',
      "' or 1=1 --",
      'x'.repeat(100),
    ])
      expect(normalizeSerial(bad)).toBeNull();
  });

  it('are issued unique per certificate and recorded in the shared lookup', async () => {
    const serials = await env.db.owner
      .selectFrom('certificate_serial')
      .select(['serial', 'for_tenant_id'])
      .execute();
    expect(serials.map((r) => r.serial).sort()).toEqual(
      [people.salma!.serial, people.youssef!.serial].sort(),
    );
    expect(serials.every((r) => r.for_tenant_id === env.f.tenantA)).toBe(true);
    for (const r of serials) expect(r.serial).toMatch(SERIAL_PATTERN);
  });
});

describe('the certificate', () => {
  it('says what was true when it was issued, whoever renames what later', async () => {
    await inA((tx) =>
      tx
        .updateTable('person')
        .set({ last_name_latin: 'Bennani' })
        .where('id', '=', people.salma!.personId)
        .execute(),
    );
    const result = await env.t.gql(ONE, { id: people.salma!.certificateId }, as('coordinator'));
    expect(result.errors).toBeUndefined();
    expect(result.data.certificate).toEqual({
      id: people.salma!.certificateId,
      serial: people.salma!.serial,
      status: 'VALID',
      issuedOn: addDays(TODAY, -2),
      holderNameLatin: 'Salma BENALI',
      holderNameAr: 'سلمى بنعلي',
      centreName: 'Centre de formation de Fès',
      centreNameAr: 'مركز التكوين بفاس',
      tradeFr: 'Tissage',
      tradeAr: 'النسيج',
      programmeFr: 'Qualification en tissage traditionnel',
      programmeAr: 'التأهيل في النسيج التقليدي',
      cohortLabel: expect.stringMatching(/^Promotion/),
      startsOn: STARTS,
      endsOn: ENDS,
      graduatedOn: addDays(TODAY, -2),
      theoryHours: 3.5,
      practiceHours: 4,
      verificationUrl: `${env.t.app.deps.config.publicUrl}/verify/${people.salma!.serial}`,
      pdfReady: false,
      revokedAt: null,
      revokedReason: null,
      person: { id: people.salma!.personId },
      graduation: { id: expect.any(String), enrollment: { id: people.salma!.enrollmentId } },
    });
    const cohort = await env.t.gql(COHORT, { id: cohortId }, as('coordinator'));
    expect(cohort.data.cohortCertificates.map((c: { id: string }) => c.id)).toEqual([
      people.salma!.certificateId,
      people.youssef!.certificateId,
    ]);
  });

  it('escapes every value it prints', () => {
    const content: CertificateContent = {
      holderNameLatin: 'Youssef <img src=x onerror=alert(1)> TAZI',
      holderNameAr: '</p><script>alert(1)</script>',
      centreName: 'Centre "A" & co',
      centreNameAr: null,
      tradeFr: '<b>',
      tradeAr: 'x',
      programmeFr: "l'atelier",
      programmeAr: 'y',
      cohortLabel: '<style>',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      graduatedOn: '2025-07-15',
      theoryHours: 1,
      practiceHours: 2,
    };
    const html = certificateHtml(content, 'MLM-0000-0000-0000-0000', 'http://x/verify/MLM', '<svg></svg>');
    expect(html).not.toMatch(/<img|<script|<b>/);
    expect(html.split('<style>')).toHaveLength(2);
    expect(html).toContain('Youssef &lt;img src=x onerror=alert(1)&gt; TAZI');
    expect(html).toContain('Centre &quot;A&quot; &amp; co');
    expect(html).toContain('l&#39;atelier');
  });

  it('is a PDF whose text holds the Arabic name in logical order, the French name and the serial', async () => {
    const result = await env.t.gql(PDF, { id: people.salma!.certificateId }, as('salma'));
    expect(result.errors).toBeUndefined();
    const file = result.data.certificatePdf;
    expect(file).toMatchObject({
      fileName: `certificat-${people.salma!.serial}.pdf`,
      mimeType: 'application/pdf',
    });
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(file.contentBase64);
    // One page; the Arabic as typed (logical order, plain letters, not reversed or presentation forms).
    expect(text.split('\f').filter((page) => page.trim()).length).toBe(1);
    expect(text).toContain('سلمى بنعلي');
    expect(text).toContain('مركز التكوين بفاس');
    expect(text).toContain('التأهيل في النسيج التقليدي');
    expect(text).not.toContain('ىملس');
    expect(text).not.toMatch(/[\ufb50-\ufdff\ufe70-\ufeff]/);
    expect(text).toContain('Salma BENALI');
    expect(text).toContain(people.salma!.serial);
    expect(text).toContain('Qualification en tissage traditionnel');
    // Rendered once, kept for the next download.
    const stored = await inA((tx) =>
      tx
        .selectFrom('certificate')
        .select(['pdf', 'pdf_rendered_at'])
        .where('id', '=', people.salma!.certificateId!)
        .executeTakeFirstOrThrow(),
    );
    expect(stored.pdf?.toString('base64')).toBe(file.contentBase64);
    const again = await env.t.gql(ONE, { id: people.salma!.certificateId }, as('salma'));
    expect(again.data.certificate.pdfReady).toBe(true);
  });

  it('is rendered by the background job too, which skips what is already rendered', async () => {
    const handlers = certificateJobHandlers(env.t.app.deps);
    const ran = await runDueJobs(env.t.app.deps.db, handlers, { limit: 10 });
    expect(ran).toBe(2);
    const rows = await inA((tx) =>
      tx
        .selectFrom('certificate')
        .select(['id', 'pdf_rendered_at', sql<number>`length(pdf)`.as('size')])
        .execute(),
    );
    expect(rows.every((r) => r.pdf_rendered_at !== null && r.size > 1000)).toBe(true);
    const youssef = await env.t.gql(PDF, { id: people.youssef!.certificateId }, as('director'));
    const text = pdfText(youssef.data.certificatePdf.contentBase64).replace(/\s+/g, ' ');
    expect(text).toContain('Youssef <img src=x onerror=alert(1)> TAZI');
    const jobs = await env.db.owner
      .selectFrom('job')
      .select(['kind', 'status'])
      .where('kind', '=', 'certificate.render')
      .execute();
    expect(jobs).toEqual([
      { kind: 'certificate.render', status: 'DONE' },
      { kind: 'certificate.render', status: 'DONE' },
    ]);
  });
});

describe('issueCertificates', () => {
  it('issues in the caller’s transaction, as the demo data does, and leaves old ones to their first download', async () => {
    const { enrollmentId, personId } = await person('history', {
      first_name_latin: 'Hafsa',
      last_name_latin: 'Idrissi',
      first_name_ar: 'حفصة',
      last_name_ar: 'الإدريسي',
    });
    const jobs = () =>
      env.db.owner
        .selectFrom('job')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => r.n);
    const jobsBefore = await jobs();
    const issued = await inA(async (tx) => {
      await tx
        .updateTable('enrollment')
        .set({ status: 'GRADUATED' })
        .where('id', '=', enrollmentId)
        .execute();
      const graduation = await tx
        .insertInto('graduation')
        .values({
          tenant_id: env.f.tenantA,
          id: newId(),
          enrollment_id: enrollmentId,
          graduated_on: addDays(TODAY, -45),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return issueCertificates(tx, env.f.tenantA, [graduation]);
    });
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ person_id: personId, issued_on: addDays(TODAY, -45), pdf: null });
    expect(issued[0]!.serial).toMatch(SERIAL_PATTERN);
    expect(issued[0]!.content).toMatchObject({
      holderNameAr: 'حفصة الإدريسي',
      theoryHours: 0,
      practiceHours: 0,
    });
    expect(await jobs()).toBe(jobsBefore);
    expect(await verifyAnonymously(issued[0]!.serial)).toMatchObject({ holderNameLatin: 'Hafsa IDRISSI' });
  });
});

describe('who reads certificates', () => {
  it('gives a trainee their own certificate and PDF, never another’s', async () => {
    const mine = await env.t.gql(MINE, {}, as('salma'));
    expect(mine.data.myCertificates).toEqual([
      { id: people.salma!.certificateId, serial: people.salma!.serial },
    ]);
    const other = await env.t.gql(ONE, { id: people.youssef!.certificateId }, as('salma'));
    expect(other.data.certificate).toBeNull();
    const pdf = await env.t.gql(PDF, { id: people.youssef!.certificateId }, as('salma'));
    expect(pdf.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await env.t.gql(MINE, {}, as('karim'))).data.myCertificates).toEqual([]);
    expect((await env.t.gql(COHORT, { id: cohortId }, as('salma'))).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('shows a host artisan no certificate', async () => {
    expect(
      (await env.t.gql(ONE, { id: people.salma!.certificateId }, as('artisan'))).data.certificate,
    ).toBeNull();
    const pdf = await env.t.gql(PDF, { id: people.salma!.certificateId }, as('artisan'));
    expect(pdf.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps tenant A’s certificates from tenant B’s tenant-scoped queries', async () => {
    const asB = as('directorB', env.f.tenantB);
    const id = people.salma!.certificateId!;
    expect((await env.t.gql(ONE, { id }, asB)).data.certificate).toBeNull();
    expect((await env.t.gql(COHORT, { id: cohortId }, asB)).data.cohortCertificates).toEqual([]);
    expect((await env.t.gql(MINE, {}, asB)).data.myCertificates).toEqual([]);
    expect((await env.t.gql(PDF, { id }, asB)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const revoke = await env.t.gql(REVOKE, { input: { id, reason: 'Fraude' } }, asB);
    expect(revoke.data.revokeCertificate.errors).toMatchObject([{ code: 'NOT_FOUND', field: 'id' }]);
    const row = await inA((tx) =>
      tx.selectFrom('certificate').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow(),
    );
    expect(row.revoked_at).toBeNull();
    // Tenant B's own row-level scope cannot see A's certificate rows at all.
    const seen = await withTenant(env.db.owner, env.f.tenantB, (tx) =>
      tx.selectFrom('certificate').select('id').execute(),
    );
    expect(seen).toEqual([]);
  });
});

describe('public verification and revocation', () => {
  it('confirms a valid serial to anyone, without a session or a tenant, and nothing more', async () => {
    const serial = people.salma!.serial!;
    expect(await verifyAnonymously(serial)).toEqual({
      serial,
      status: 'VALID',
      holderNameLatin: 'Salma BENALI',
      holderNameAr: 'سلمى بنعلي',
      programmeFr: 'Qualification en tissage traditionnel',
      programmeAr: 'التأهيل في النسيج التقليدي',
      centreName: 'Centre de formation de Fès',
      centreNameAr: 'مركز التكوين بفاس',
      graduatedOn: addDays(TODAY, -2),
      revokedOn: null,
    });
    expect((await verifyAnonymously(`  ${serial.toLowerCase().replaceAll('-', ' ')} `))?.serial).toBe(serial);
    // The tenant header changes nothing: the serial alone says which centre holds it.
    const fromB = await env.t.gql(VERIFY, { serial }, as('directorB', env.f.tenantB));
    expect(fromB.data.verifyCertificate.status).toBe('VALID');
  });

  it('knows no serial that was not issued, not even one character away from a real one', async () => {
    const serial = people.salma!.serial!;
    const last = serial.at(-1)!;
    const changed = `${serial.slice(0, -1)}${SERIAL_ALPHABET[(SERIAL_ALPHABET.indexOf(last) + 1) % 32]}`;
    expect(await verifyAnonymously(changed)).toBeNull();
    expect(await verifyAnonymously(newSerial())).toBeNull();
    expect(await verifyAnonymously('not a serial')).toBeNull();
    expect(await verifyAnonymously("MLM-' OR 1=1 --")).toBeNull();
  });

  it('lets only a director revoke, with a reason, once; verification then says REVOKED', async () => {
    const id = people.salma!.certificateId!;
    const coordinator = await env.t.gql(REVOKE, { input: { id, reason: 'Erreur' } }, as('coordinator'));
    expect(coordinator.data.revokeCertificate.errors).toMatchObject([{ code: 'FORBIDDEN' }]);
    const blank = await env.t.gql(REVOKE, { input: { id, reason: '   ' } }, as('director'));
    expect(blank.data.revokeCertificate.errors).toMatchObject([{ code: 'REASON_REQUIRED', field: 'reason' }]);

    const reason = 'Délivré par erreur : stage non accompli';
    const revoked = await env.t.gql(REVOKE, { input: { id, reason } }, as('director'));
    expect(revoked.data.revokeCertificate).toMatchObject({
      certificate: { id, status: 'REVOKED', revokedReason: reason, revokedAt: expect.any(String) },
      errors: [],
    });
    const again = await env.t.gql(REVOKE, { input: { id, reason } }, as('director'));
    expect(again.data.revokeCertificate.errors).toMatchObject([{ code: 'ALREADY_REVOKED', field: 'id' }]);

    expect(await verifyAnonymously(people.salma!.serial!)).toMatchObject({
      status: 'REVOKED',
      revokedOn: TODAY,
    });
    expect(await verifyAnonymously(people.youssef!.serial!)).toMatchObject({
      status: 'VALID',
      revokedOn: null,
    });
    const audit = await inA((tx) =>
      tx
        .selectFrom('audit_event')
        .select(['actor_user_id', 'data'])
        .where('action', '=', 'certificate.revoked')
        .execute(),
    );
    expect(audit).toEqual([
      { actor_user_id: env.f.directorA.id, data: { serial: people.salma!.serial, reason } },
    ]);
  });
});

import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, openTestEnv, type TestEnv } from '../../../test/app.js';
import { PASSWORD } from '../../../test/fixtures.js';
import { expectNoStatementPerRow } from '../../../test/statements.js';
import type { DB } from '../../db/tables.generated.js';
import { withTenant } from '../../db/with-tenant.js';
import { seedCalls } from '../../demo/calls.js';
import type { DemoAccount } from '../../demo/demo-tenant.js';
import { newId } from '../../lib/ids.js';
import { addDays, addMonths, todayIn } from '../../lib/time.js';
import { seeder } from '../attendance/test-seed.js';
import { hashPassword } from '../identity/password.js';

let env: TestEnv;
let director: string;
let directorB: string;
const jurors: { id: string; email: string; token: string }[] = [];
const today = todayIn('Africa/Casablanca');
const OPENS = addDays(today, -30);
const CLOSES = addDays(today, 30);

// ----- GraphQL

const ERRORS = 'errors { code field message }';
const CALL = `id kind titleFr status opensOn closesOn minAge maxAge applicantKinds requiredDocuments provinces
  scoreMin scoreMax applicationCount closedAt publishedAt
  categories { id nameFr places applicationCount }
  criteria { id nameFr weight }
  jurors { id user { id displayName } submittedCount conflictCount pendingCount }
  myJuror { id }`;
const CREATE = `mutation ($input: CreateCallInput!) { createCall(input: $input) { call { ${CALL} } ${ERRORS} } }`;
const UPDATE = `mutation ($input: UpdateCallInput!) { updateCall(input: $input) { call { ${CALL} } ${ERRORS} } }`;
const move = (name: string) =>
  `mutation ($input: CallStatusInput!) { ${name}(input: $input) { call { id status closedAt publishedAt } ${ERRORS} } }`;
const ADD_JUROR = `mutation ($input: AddJurorInput!) { addJuror(input: $input) { call { id jurors { id user { id email } } } ${ERRORS} } }`;
const REMOVE_JUROR = `mutation ($input: RemoveJurorInput!) { removeJuror(input: $input) { call { id jurors { id } } ${ERRORS} } }`;
const APPLICATION = `id status title submittedOn applicantName person { id } venture { id }
  category { id nameFr } call { id }
  documents { id kind fileName contentType sizeBytes }`;
const SUBMIT = `mutation ($input: SubmitApplicationInput!) { submitApplication(input: $input) { application { ${APPLICATION} } ${ERRORS} } }`;
const WITHDRAW = `mutation ($input: WithdrawApplicationInput!) { withdrawApplication(input: $input) { application { id status } ${ERRORS} } }`;
const EVALUATION = 'id juror { id } scores { criterion { id } value } weightedScore comment submittedAt';
const SAVE = `mutation ($input: SaveEvaluationInput!) { saveEvaluation(input: $input) { evaluation { ${EVALUATION} } ${ERRORS} } }`;
const CONFLICT = `mutation ($input: DeclareConflictInput!) { declareConflict(input: $input) { conflict { id reason juror { id } } ${ERRORS} } }`;
const ONE_CALL = `query ($id: ID!) { call(id: $id) { ${CALL} } }`;
const CALLS = `query ($status: CallStatus) { calls(status: $status, first: 100) { totalCount edges { node { id } } } }`;
const ONE_APPLICATION = `query ($id: ID!) {
  application(id: $id) { id status myEvaluation { ${EVALUATION} } myConflict { id } evaluations { ${EVALUATION} } conflicts { id } }
}`;
const APPLICATIONS = `query ($callId: ID!, $categoryId: ID) {
  applications(callId: $callId, categoryId: $categoryId, first: 100) {
    totalCount edges { node { id status applicantName evaluations { id juror { id } weightedScore } myEvaluation { id } } }
  }
}`;
const RANKING = `query ($callId: ID!) {
  callRanking(callId: $callId) {
    call { id }
    categories { category { id nameFr places } unscored
      entries { application { id applicantName } rank normalizedScore rawScore evaluations withinPlaces } }
  }
}`;
const DOCUMENT = `query ($id: ID!) { applicationDocument(id: $id) { fileName mimeType contentBase64 } }`;

const asA = () => ({ token: director, tenantId: env.f.tenantA });
const asB = () => ({ token: directorB, tenantId: env.f.tenantB });
const asJuror = (i: number) => ({ token: jurors[i]!.token, tenantId: env.f.tenantA });

const codes = (errors: { code: string; field: string | null }[]) => errors.map((e) => [e.code, e.field]);
const b64 = (text: string) => Buffer.from(text).toString('base64');
const doc = (kind: string, text = `${kind} scan`) => ({
  kind,
  fileName: `${kind.toLowerCase()}.pdf`,
  contentType: 'application/pdf',
  contentBase64: b64(text),
});

function callInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'INCUBATOR_SELECTION',
    titleFr: 'Sélection de la cohorte test',
    opensOn: OPENS,
    closesOn: CLOSES,
    categories: [{ nameFr: 'Général', places: 2 }],
    criteria: [
      { nameFr: 'Innovation', weight: 2 },
      { nameFr: 'Faisabilité', weight: 1 },
    ],
    ...overrides,
  };
}

async function createCall(overrides: Record<string, unknown> = {}) {
  const result = await env.t.gql(CREATE, { input: callInput(overrides) }, asA());
  expect(result.data.createCall.errors).toEqual([]);
  return result.data.createCall.call as {
    id: string;
    categories: { id: string }[];
    criteria: { id: string }[];
  };
}

const transition = async (name: 'openCall' | 'closeCall' | 'publishCall', id: string, as = asA()) =>
  (await env.t.gql(move(name), { input: { id } }, as)).data[name];

async function addJuror(callId: string, juror: number) {
  const result = await env.t.gql(
    ADD_JUROR,
    { input: { callId, email: jurors[juror]!.email, displayName: 'Expert' } },
    asA(),
  );
  expect(result.data.addJuror.errors).toEqual([]);
}

/** A person in tenant A, `age` years old on the default closing day. */
async function person(age: number, overrides: Record<string, unknown> = {}, tenantId = env.f.tenantA) {
  const id = newId();
  await withTenant(env.db.owner, tenantId, (tx) =>
    tx
      .insertInto('person')
      .values({
        tenant_id: tenantId,
        id,
        first_name_latin: 'Salma',
        last_name_latin: `Candidate${id.slice(-6)}`,
        first_name_ar: 'سلمى',
        last_name_ar: 'المرشحة',
        sex: 'F',
        birth_date: addMonths(CLOSES, -12 * age - 1),
        province: 'Casablanca',
        ...overrides,
      })
      .execute(),
  );
  return id;
}

async function submit(
  callId: string,
  categoryId: string,
  personId: string,
  extra: Record<string, unknown> = {},
) {
  const result = await env.t.gql(
    SUBMIT,
    { input: { callId, categoryId, personId, title: 'Atelier de couture solidaire', ...extra } },
    asA(),
  );
  return result.data.submitApplication;
}

async function submitted(
  callId: string,
  categoryId: string,
  personId: string,
  extra: Record<string, unknown> = {},
) {
  const result = await submit(callId, categoryId, personId, extra);
  expect(result.errors).toEqual([]);
  return result.application.id as string;
}

const score = (
  juror: number,
  applicationId: string,
  scores: { criterionId: string; value: number }[],
  submit = true,
) =>
  env.t
    .gql(SAVE, { input: { applicationId, scores, submit } }, asJuror(juror))
    .then((r) => r.data.saveEvaluation);

/** Rows of tenant A in a table (RLS applies to the owner too). */
const count = (table: keyof DB) => seeder(env.db.owner, env.f.tenantA).count(table);

beforeAll(async () => {
  env = await openTestEnv();
  director = await env.t.signIn(env.f.directorA.email);
  directorB = await env.t.signIn(env.f.directorB.email);
  // Outside experts with an account of their own (a password), not yet members of the centre.
  const passwordHash = await hashPassword(PASSWORD);
  for (let i = 0; i < 3; i++) {
    const juror = { id: newId(), email: `jure${i}@experts.ma` };
    await env.db.owner
      .insertInto('app_user')
      .values({ id: juror.id, display_name: `Expert ${i}`, email: juror.email, password_hash: passwordHash })
      .execute();
    jurors.push({ ...juror, token: '' });
  }
});

afterAll(async () => {
  await env.close();
});

describe('setting a call up', () => {
  it('checks every field at once and writes nothing when refused', async () => {
    const [calls, audits] = [await count('call'), await count('audit_event')];
    const result = await env.t.gql(
      CREATE,
      {
        input: callInput({
          titleFr: ' ',
          opensOn: CLOSES,
          closesOn: OPENS,
          minAge: 40,
          maxAge: 18,
          scoreMin: 20,
          scoreMax: 10,
          categories: [
            { nameFr: 'Artisanat', places: 4 },
            { nameFr: 'artisanat', places: 0 },
          ],
          criteria: [{ nameFr: 'Impact', weight: 0 }],
        }),
      },
      asA(),
    );
    expect(codes(result.data.createCall.errors)).toEqual([
      ['REQUIRED', 'titleFr'],
      ['INVALID_DATE', 'closesOn'],
      ['INVALID_INPUT', 'maxAge'],
      ['INVALID_INPUT', 'scoreMax'],
      ['INVALID_INPUT', 'categories.1.nameFr'],
      ['INVALID_INPUT', 'categories.1.places'],
      ['INVALID_INPUT', 'criteria.0.weight'],
    ]);
    const empty = await env.t.gql(CREATE, { input: callInput({ categories: [], criteria: [] }) }, asA());
    expect(codes(empty.data.createCall.errors)).toEqual([
      ['REQUIRED', 'categories'],
      ['REQUIRED', 'criteria'],
    ]);
    expect([await count('call'), await count('audit_event')]).toEqual([calls, audits]);
  });

  it('edits a draft only, and moves DRAFT → OPEN → CLOSED → PUBLISHED, nothing else', async () => {
    const created = await createCall({
      requiredDocuments: ['cin', 'business plan'],
      provinces: ['casablanca', 'Casablanca', 'Préfecture de Mohammedia'],
    });
    const one = await env.t.gql(ONE_CALL, { id: created.id }, asA());
    expect(one.data.call).toMatchObject({
      status: 'DRAFT',
      applicantKinds: ['PERSON'],
      requiredDocuments: ['CIN', 'BUSINESS_PLAN'],
      provinces: ['Casablanca', 'Mohammedia'],
      scoreMin: 0,
      scoreMax: 20,
      criteria: [
        { nameFr: 'Innovation', weight: 2 },
        { nameFr: 'Faisabilité', weight: 1 },
      ],
    });

    const updated = await env.t.gql(
      UPDATE,
      {
        input: {
          id: created.id,
          titleFr: 'Sélection revue',
          minAge: 18,
          maxAge: 35,
          categories: [
            { nameFr: 'Numérique', places: 3 },
            { nameFr: 'Agro', places: 2 },
          ],
        },
      },
      asA(),
    );
    expect(updated.data.updateCall.errors).toEqual([]);
    expect(updated.data.updateCall.call).toMatchObject({
      titleFr: 'Sélection revue',
      minAge: 18,
      maxAge: 35,
      requiredDocuments: ['CIN', 'BUSINESS_PLAN'],
      categories: [
        { nameFr: 'Numérique', places: 3 },
        { nameFr: 'Agro', places: 2 },
      ],
      criteria: [{ nameFr: 'Innovation' }, { nameFr: 'Faisabilité' }],
    });
    // Explicit null clears an optional field; a bad window is refused.
    const cleared = await env.t.gql(UPDATE, { input: { id: created.id, maxAge: null } }, asA());
    expect(cleared.data.updateCall.call.maxAge).toBeNull();
    const badWindow = await env.t.gql(
      UPDATE,
      { input: { id: created.id, closesOn: addDays(OPENS, -1) } },
      asA(),
    );
    expect(codes(badWindow.data.updateCall.errors)).toEqual([['INVALID_DATE', 'closesOn']]);

    expect((await transition('closeCall', created.id)).errors).toMatchObject([
      { code: 'ILLEGAL_TRANSITION' },
    ]);
    expect((await transition('publishCall', created.id)).errors).toMatchObject([
      { code: 'ILLEGAL_TRANSITION' },
    ]);
    expect(await transition('openCall', created.id)).toMatchObject({ call: { status: 'OPEN' }, errors: [] });
    expect((await transition('openCall', created.id)).errors).toMatchObject([{ code: 'ILLEGAL_TRANSITION' }]);
    const locked = await env.t.gql(UPDATE, { input: { id: created.id, titleFr: 'Trop tard' } }, asA());
    expect(codes(locked.data.updateCall.errors)).toEqual([['CALL_NOT_EDITABLE', 'id']]);
    const closed = await transition('closeCall', created.id);
    expect(closed.call.status).toBe('CLOSED');
    expect(closed.call.closedAt).toBeTruthy();
    // No application at all: nothing unscored, the results publish empty.
    const published = await transition('publishCall', created.id);
    expect(published).toMatchObject({ call: { status: 'PUBLISHED' }, errors: [] });
    expect((await transition('openCall', created.id)).errors).toMatchObject([{ code: 'ILLEGAL_TRANSITION' }]);

    const audits = await withTenant(env.db.owner, env.f.tenantA, (tx) =>
      tx
        .selectFrom('audit_event')
        .select(['action', 'data'])
        .where(sql<boolean>`${created.id} = any(entity_ids)`)
        .orderBy('at')
        .execute(),
    );
    expect(audits.map((a) => a.action)).toEqual([
      'call.created',
      'call.updated',
      'call.updated',
      'call.status_changed',
      'call.status_changed',
      'call.status_changed',
    ]);
  });

  it('names the jury: outside experts get a JUROR membership, once per call', async () => {
    const call = await createCall();
    for (let i = 0; i < 3; i++) await addJuror(call.id, i);
    const again = await env.t.gql(
      ADD_JUROR,
      { input: { callId: call.id, email: jurors[0]!.email.toUpperCase(), displayName: 'Expert 0' } },
      asA(),
    );
    expect(codes(again.data.addJuror.errors)).toEqual([['ALREADY_JUROR', 'userId']]);
    // An expert new to the platform gets an account.
    const fresh = await env.t.gql(
      ADD_JUROR,
      { input: { callId: call.id, displayName: 'Nouvelle Experte', phone: '06 61 99 88 77' } },
      asA(),
    );
    expect(fresh.data.addJuror.errors).toEqual([]);
    // Staff can sit on a jury too, named by id.
    const staff = await env.t.gql(
      ADD_JUROR,
      { input: { callId: call.id, userId: env.f.directorA.id } },
      asA(),
    );
    expect(staff.data.addJuror.errors).toEqual([]);
    const stranger = await env.t.gql(
      ADD_JUROR,
      { input: { callId: call.id, userId: env.f.directorB.id } },
      asA(),
    );
    expect(codes(stranger.data.addJuror.errors)).toEqual([['NOT_FOUND', 'userId']]);
    const nothing = await env.t.gql(
      ADD_JUROR,
      { input: { callId: call.id, displayName: 'Sans contact' } },
      asA(),
    );
    expect(codes(nothing.data.addJuror.errors)).toEqual([['REQUIRED', 'email']]);

    const roles = await withTenant(env.db.owner, env.f.tenantA, (tx) =>
      tx
        .selectFrom('membership as m')
        .innerJoin('app_user as u', 'u.id', 'm.user_id')
        .select(['u.email', 'u.phone', 'm.role'])
        .where('m.role', '=', 'JUROR')
        .execute(),
    );
    expect(roles.map((r) => r.email ?? r.phone).sort()).toEqual([
      '+212661998877',
      'jure0@experts.ma',
      'jure1@experts.ma',
      'jure2@experts.ma',
    ]);
    for (const juror of jurors) juror.token = await env.t.signIn(juror.email);

    const seats = (await env.t.gql(ONE_CALL, { id: call.id }, asA())).data.call.jurors;
    expect(seats).toHaveLength(5);
    const removed = await env.t.gql(REMOVE_JUROR, { input: { jurorId: seats[4].id } }, asA());
    expect(removed.data.removeJuror.call.jurors).toHaveLength(4);
  });
});

describe('applications', () => {
  let call: { id: string; categories: { id: string }[]; criteria: { id: string }[] };
  let category: string;

  beforeAll(async () => {
    call = await createCall({
      minAge: 18,
      maxAge: 35,
      provinces: ['Casablanca'],
      requiredDocuments: ['CIN'],
    });
    category = call.categories[0]!.id;
    await addJuror(call.id, 0);
  });

  it('takes applications only while the call is open, within its window', async () => {
    const applicant = await person(25);
    const draft = await submit(call.id, category, applicant, { documents: [doc('CIN')] });
    expect(codes(draft.errors)).toEqual([['CALL_NOT_OPEN', 'callId']]);
    await transition('openCall', call.id);
    const early = await submit(call.id, category, applicant, {
      documents: [doc('CIN')],
      submittedOn: addDays(OPENS, -1),
    });
    expect(codes(early.errors)).toEqual([['OUTSIDE_WINDOW', 'submittedOn']]);
    const future = await submit(call.id, category, applicant, {
      documents: [doc('CIN')],
      submittedOn: addDays(today, 1),
    });
    expect(codes(future.errors)).toEqual([['DATE_IN_FUTURE', 'submittedOn']]);
    // A paper application typed in later keeps the day it came in.
    const onFirstDay = await submit(call.id, category, applicant, {
      documents: [doc('CIN')],
      submittedOn: OPENS,
    });
    expect(onFirstDay.errors).toEqual([]);
    expect(onFirstDay.application.submittedOn).toBe(OPENS);
  });

  it('refuses an ineligible applicant with the rule it fails, and writes nothing', async () => {
    const before = [
      await count('application'),
      await count('application_document'),
      await count('audit_event'),
    ];
    const tooOld = await submit(call.id, category, await person(36), { documents: [doc('CIN')] });
    expect(codes(tooOld.errors)).toEqual([['INELIGIBLE_AGE', 'personId']]);
    const elsewhere = await submit(call.id, category, await person(30, { province: 'Oujda' }), {
      documents: [doc('CIN')],
    });
    expect(codes(elsewhere.errors)).toEqual([['INELIGIBLE_PROVINCE', 'personId']]);
    const noCin = await submit(call.id, category, await person(30), { documents: [doc('DIPLOMA')] });
    expect(codes(noCin.errors)).toEqual([['DOCUMENT_MISSING', 'documents.CIN']]);
    // Several rules failed: all of them, so the applicant hears everything at once.
    const everything = await submit(call.id, category, await person(17, { province: null }));
    expect(codes(everything.errors)).toEqual([
      ['INELIGIBLE_AGE', 'personId'],
      ['INELIGIBLE_PROVINCE', 'personId'],
      ['DOCUMENT_MISSING', 'documents.CIN'],
    ]);

    // A venture (its lead founder is 30) applying to a call for persons only.
    const ventureId = newId();
    const founder = await person(30);
    await withTenant(env.db.owner, env.f.tenantA, async (tx) => {
      await tx
        .insertInto('venture')
        .values({
          tenant_id: env.f.tenantA,
          id: ventureId,
          name: 'Coopérative Argane',
          sector: 'Agroalimentaire',
        })
        .execute();
      await tx
        .insertInto('venture_founder')
        .values({
          tenant_id: env.f.tenantA,
          id: newId(),
          venture_id: ventureId,
          person_id: founder,
          is_lead: true,
        })
        .execute();
    });
    const venture = await env.t.gql(
      SUBMIT,
      {
        input: { callId: call.id, categoryId: category, ventureId, title: 'Argane', documents: [doc('CIN')] },
      },
      asA(),
    );
    expect(codes(venture.data.submitApplication.errors)).toEqual([
      ['APPLICANT_KIND_NOT_ACCEPTED', 'ventureId'],
      ['INELIGIBLE_PROVINCE', 'ventureId'],
    ]);
    const both = await submit(call.id, category, founder, { ventureId, documents: [doc('CIN')] });
    expect(codes(both.errors)).toEqual([['INVALID_INPUT', 'ventureId']]);

    const huge = Buffer.alloc(5 * 1024 * 1024 + 1, 1).toString('base64');
    const tooLarge = await submit(call.id, category, await person(30), {
      documents: [{ ...doc('CIN'), contentBase64: huge }],
    });
    expect(codes(tooLarge.errors)).toEqual([['FILE_TOO_LARGE', 'documents.0.contentBase64']]);
    expect([
      await count('application'),
      await count('application_document'),
      await count('audit_event'),
    ]).toEqual(before);
  });

  it('stores documents with their digest, once per applicant, readable by staff and the jury', async () => {
    const applicant = await person(22);
    const application = await submit(call.id, category, applicant, {
      documents: [
        doc('CIN', 'carte nationale'),
        { ...doc('business plan', 'plan'), fileName: 'Plan d’affaires.pdf' },
      ],
    });
    expect(application.errors).toEqual([]);
    expect(application.application).toMatchObject({
      status: 'SUBMITTED',
      submittedOn: today,
      person: { id: applicant },
      venture: null,
      applicantName: expect.stringMatching(/^Salma CANDIDATE.* — سلمى المرشحة$/),
      documents: [
        { kind: 'CIN', fileName: 'cin.pdf', sizeBytes: 15 },
        { kind: 'BUSINESS_PLAN', fileName: 'Plan d’affaires.pdf', sizeBytes: 4 },
      ],
    });
    const stored = await withTenant(env.db.owner, env.f.tenantA, (tx) =>
      tx
        .selectFrom('application_document')
        .select(['sha256', 'size_bytes'])
        .where('application_id', '=', application.application.id)
        .orderBy('kind', 'desc')
        .execute(),
    );
    expect(stored[0]).toEqual({
      sha256: createHash('sha256').update('carte nationale').digest('hex'),
      size_bytes: 15,
    });

    const again = await submit(call.id, category, applicant, { documents: [doc('CIN')] });
    expect(codes(again.errors)).toEqual([['ALREADY_APPLIED', 'personId']]);

    const cin = application.application.documents[0].id;
    const asStaff = await env.t.gql(DOCUMENT, { id: cin }, asA());
    expect(asStaff.data.applicationDocument).toEqual({
      fileName: 'cin.pdf',
      mimeType: 'application/pdf',
      contentBase64: b64('carte nationale'),
    });
    const asJurorOfCall = await env.t.gql(DOCUMENT, { id: cin }, asJuror(0));
    expect(asJurorOfCall.data.applicationDocument.contentBase64).toBe(b64('carte nationale'));
    const asOtherJuror = await env.t.gql(DOCUMENT, { id: cin }, asJuror(1));
    expect(asOtherJuror.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const asOtherTenant = await env.t.gql(DOCUMENT, { id: cin }, asB());
    expect(asOtherTenant.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Withdrawn with a reason: the juror no longer sees it, and the applicant may apply again.
    const noReason = await env.t.gql(
      WITHDRAW,
      { input: { id: application.application.id, reason: ' ' } },
      asA(),
    );
    expect(codes(noReason.data.withdrawApplication.errors)).toEqual([['REASON_REQUIRED', 'reason']]);
    const withdrawn = await env.t.gql(
      WITHDRAW,
      { input: { id: application.application.id, reason: 'A trouvé un emploi' } },
      asA(),
    );
    expect(withdrawn.data.withdrawApplication.application.status).toBe('WITHDRAWN');
    const twice = await env.t.gql(
      WITHDRAW,
      { input: { id: application.application.id, reason: 'encore' } },
      asA(),
    );
    expect(codes(twice.data.withdrawApplication.errors)).toEqual([['ILLEGAL_TRANSITION', 'id']]);
    const forJuror = await env.t.gql(ONE_APPLICATION, { id: application.application.id }, asJuror(0));
    expect(forJuror.data.application).toBeNull();
    expect((await submit(call.id, category, applicant, { documents: [doc('CIN')] })).errors).toEqual([]);
  });
});

describe('the jury', () => {
  // One criterion-pair call, three applications, three jurors, two places.
  let call: { id: string; categories: { id: string }[]; criteria: { id: string }[] };
  let apps: { X: string; Y: string; Z: string; W: string };
  let seat: string[];
  const both = (a: number, b = a) => [
    { criterionId: call.criteria[0]!.id, value: a },
    { criterionId: call.criteria[1]!.id, value: b },
  ];

  beforeAll(async () => {
    call = await createCall({ kind: 'PRIZE', titleFr: 'Prix test' });
    for (let i = 0; i < 3; i++) await addJuror(call.id, i);
    await transition('openCall', call.id);
    const category = call.categories[0]!.id;
    apps = {
      X: await submitted(call.id, category, await person(30)),
      Y: await submitted(call.id, category, await person(30)),
      Z: await submitted(call.id, category, await person(30)),
      W: await submitted(call.id, category, await person(30)),
    };
    const one = (await env.t.gql(ONE_CALL, { id: call.id }, asA())).data.call;
    seat = one.jurors.map((j: { id: string }) => j.id);
  });

  it('refuses marks outside the scale, criteria of another call, and an incomplete submission', async () => {
    const other = await createCall({ titleFr: 'Autre appel' });
    const outside = await score(0, apps.X, [{ criterionId: call.criteria[0]!.id, value: 21 }], false);
    expect(codes(outside.errors)).toEqual([['SCORE_OUT_OF_RANGE', 'scores.0.value']]);
    const foreign = await score(0, apps.X, [{ criterionId: other.criteria[0]!.id, value: 10 }], false);
    expect(codes(foreign.errors)).toEqual([['NOT_FOUND', 'scores.0.criterionId']]);
    const incomplete = await score(0, apps.X, [{ criterionId: call.criteria[0]!.id, value: 10 }], true);
    expect(codes(incomplete.errors)).toEqual([['SCORES_INCOMPLETE', 'scores']]);
    expect(await count('evaluation')).toBe(0);
    // Staff do not score unless they sit on the jury.
    const staff = await env.t.gql(SAVE, { input: { applicationId: apps.X, scores: both(10) } }, asA());
    expect(codes(staff.data.saveEvaluation.errors)).toEqual([['FORBIDDEN', 'applicationId']]);
  });

  it('keeps every juror blind to the others’ marks until their own evaluation is submitted', async () => {
    // Juror 0 submits on X; juror 1 keeps a draft.
    const first = await score(0, apps.X, both(12), true);
    expect(first.errors).toEqual([]);
    expect(first.evaluation).toMatchObject({ weightedScore: 12, submittedAt: expect.any(String) });
    const draft = await score(1, apps.X, [{ criterionId: call.criteria[0]!.id, value: 15 }], false);
    expect(draft.evaluation).toMatchObject({ weightedScore: null, submittedAt: null });

    // Juror 1: their draft, nobody else's marks, by every path.
    const direct = await env.t.gql(ONE_APPLICATION, { id: apps.X }, asJuror(1));
    expect(direct.data.application.evaluations).toEqual([]);
    expect(direct.data.application.myEvaluation).toMatchObject({
      id: draft.evaluation.id,
      scores: [{ value: 15 }],
      submittedAt: null,
    });
    const list = await env.t.gql(APPLICATIONS, { callId: call.id }, asJuror(1));
    for (const edge of list.data.applications.edges) expect(edge.node.evaluations).toEqual([]);
    const blindRanking = await env.t.gql(RANKING, { callId: call.id }, asJuror(1));
    expect(blindRanking.data.callRanking.categories[0].entries).toEqual([]);

    // Juror 0 (submitted) and staff see the submitted one only, never juror 1's draft.
    const forJuror0 = await env.t.gql(ONE_APPLICATION, { id: apps.X }, asJuror(0));
    expect(forJuror0.data.application.evaluations.map((e: { juror: { id: string } }) => e.juror.id)).toEqual([
      seat[0],
    ]);
    const forStaff = await env.t.gql(ONE_APPLICATION, { id: apps.X }, asA());
    expect(forStaff.data.application.evaluations).toMatchObject([
      { juror: { id: seat[0] }, weightedScore: 12 },
    ]);
    expect(forStaff.data.application.myEvaluation).toBeNull();
    const rankingFor0 = await env.t.gql(RANKING, { callId: call.id }, asJuror(0));
    expect(
      rankingFor0.data.callRanking.categories[0].entries.map(
        (e: { application: { id: string } }) => e.application.id,
      ),
    ).toEqual([apps.X]);

    // Juror 1 submits: now they see both.
    const second = await score(1, apps.X, both(15), true);
    expect(second.errors).toEqual([]);
    const after = await env.t.gql(ONE_APPLICATION, { id: apps.X }, asJuror(1));
    expect(after.data.application.evaluations.map((e: { juror: { id: string } }) => e.juror.id)).toEqual([
      seat[0],
      seat[1],
    ]);
    expect(after.data.application.evaluations[0].scores.map((s: { value: number }) => s.value)).toEqual([
      12, 12,
    ]);
    const seen = await env.t.gql(RANKING, { callId: call.id }, asJuror(1));
    expect(seen.data.callRanking.categories[0].entries).toMatchObject([
      { application: { id: apps.X }, evaluations: 2 },
    ]);
    // Final: it cannot change any more.
    const change = await score(1, apps.X, both(3), true);
    expect(codes(change.errors)).toEqual([['EVALUATION_SUBMITTED', 'applicationId']]);
  });

  it('keeps a conflicted juror out of scoring', async () => {
    const noReason = await env.t.gql(CONFLICT, { input: { applicationId: apps.X, reason: '' } }, asJuror(2));
    expect(codes(noReason.data.declareConflict.errors)).toEqual([['REASON_REQUIRED', 'reason']]);
    await score(2, apps.X, both(10), false);
    const declared = await env.t.gql(
      CONFLICT,
      { input: { applicationId: apps.X, reason: 'Candidat de ma famille' } },
      asJuror(2),
    );
    expect(declared.data.declareConflict).toMatchObject({ conflict: { juror: { id: seat[2] } }, errors: [] });
    const refused = await score(2, apps.X, both(10), true);
    expect(codes(refused.errors)).toEqual([['CONFLICT_OF_INTEREST', 'applicationId']]);
    const mine = await env.t.gql(ONE_APPLICATION, { id: apps.X }, asJuror(2));
    // The draft went with the declaration; a conflicted juror never sees the others' marks.
    expect(mine.data.application).toMatchObject({
      myEvaluation: null,
      myConflict: { id: expect.any(String) },
      evaluations: [],
    });
    // Juror 0 submitted on X: too late to declare a conflict there.
    const late = await env.t.gql(
      CONFLICT,
      { input: { applicationId: apps.X, reason: 'Tardif' } },
      asJuror(0),
    );
    expect(codes(late.data.declareConflict.errors)).toEqual([['EVALUATION_SUBMITTED', 'applicationId']]);
    // Someone who has started cannot be taken off the jury.
    const remove = await env.t.gql(REMOVE_JUROR, { input: { jurorId: seat[2] } }, asA());
    expect(codes(remove.data.removeJuror.errors)).toEqual([['ILLEGAL_TRANSITION', 'jurorId']]);
  });

  it('ranks on marks normalised per juror, exactly as computed by hand, and publishes the places', async () => {
    // Juror 0 marks X, Y, Z 12, 14, 16; juror 1 marks them 15, 5, 10 (both criteria alike, so
    // the weighted score is the mark). Juror 2 (conflicted on X) marks only W: 13 and 7.
    for (const [juror, app, mark] of [
      [0, apps.Y, 14],
      [0, apps.Z, 16],
      [1, apps.Y, 5],
      [1, apps.Z, 10],
    ] as const)
      expect((await score(juror, app, both(mark), true)).errors).toEqual([]);
    // Weighted: (2 × 13 + 1 × 7) ÷ 3 = 11.
    expect((await score(2, apps.W, both(13, 7), true)).evaluation.weightedScore).toBeCloseTo(11, 9);

    const counts = (await env.t.gql(ONE_CALL, { id: call.id }, asA())).data.call.jurors;
    expect(
      counts.map((j: Record<string, number>) => [j.submittedCount, j.conflictCount, j.pendingCount]),
    ).toEqual([
      [3, 0, 1],
      [3, 0, 1],
      [1, 1, 2],
    ]);

    // By hand:
    //   juror 0: mean 14, σ = √(8/3) = 1.632993  → z: X −1.224745, Y 0, Z +1.224745
    //   juror 1: mean 10, σ = √(50/3) = 4.082483 → z: X +1.224745, Y −1.224745, Z 0
    //   juror 2: one score (W) → z 0
    //   normalised: X 0, Y −0.612372, Z +0.612372, W 0
    //   raw means:  X 13.5, Y 9.5, Z 13, W 11
    // Z first; X and W tie at 0 and the raw mean puts X (13.5) before W (11); then Y.
    // Two places: Z and X. (On raw means alone X would have come first.)
    const ranking = await env.t.gql(RANKING, { callId: call.id }, asA());
    const entries = ranking.data.callRanking.categories[0].entries;
    const view = entries.map((e: { application: { id: string }; rank: number; withinPlaces: boolean }) => [
      e.application.id,
      e.rank,
      e.withinPlaces,
    ]);
    expect(view).toEqual([
      [apps.Z, 1, true],
      [apps.X, 2, true],
      [apps.W, 3, false],
      [apps.Y, 4, false],
    ]);
    const expected = [
      [0.612372, 13, 2],
      [0, 13.5, 2],
      [0, 11, 1],
      [-0.612372, 9.5, 2],
    ];
    entries.forEach((e: { normalizedScore: number; rawScore: number; evaluations: number }, i: number) => {
      expect(e.normalizedScore).toBeCloseTo(expected[i]![0]!, 6);
      expect(e.rawScore).toBeCloseTo(expected[i]![1]!, 9);
      expect(e.evaluations).toBe(expected[i]![2]);
    });
    expect(ranking.data.callRanking.categories[0].unscored).toBe(0);

    // Juror 2 sees X (their conflict) and W (their evaluation), with the ranks computed over all.
    const forConflicted = await env.t.gql(RANKING, { callId: call.id }, asJuror(2));
    expect(forConflicted.data.callRanking.categories[0].entries).toMatchObject([
      { application: { id: apps.X }, rank: 2 },
      { application: { id: apps.W }, rank: 3 },
    ]);

    // A late application nobody scored blocks the results until it is withdrawn.
    const late = await submitted(call.id, call.categories[0]!.id, await person(30));
    expect((await transition('closeCall', call.id)).errors).toEqual([]);
    const blocked = await transition('publishCall', call.id);
    expect(codes(blocked.errors)).toEqual([['APPLICATIONS_UNSCORED', 'id']]);
    await env.t.gql(WITHDRAW, { input: { id: late, reason: 'Dossier incomplet' } }, asA());
    const published = await transition('publishCall', call.id);
    expect(published).toMatchObject({
      call: { status: 'PUBLISHED', publishedAt: expect.any(String) },
      errors: [],
    });

    const statuses = await env.t.gql(APPLICATIONS, { callId: call.id }, asA());
    const statusOf = new Map(
      statuses.data.applications.edges.map((e: { node: { id: string; status: string } }) => [
        e.node.id,
        e.node.status,
      ]),
    );
    expect(Object.fromEntries(Object.entries(apps).map(([k, id]) => [k, statusOf.get(id)]))).toEqual({
      X: 'SELECTED',
      Y: 'NOT_SELECTED',
      Z: 'SELECTED',
      W: 'NOT_SELECTED',
    });
    expect(statusOf.get(late)).toBe('WITHDRAWN');
    // Results are final.
    expect(codes((await score(1, apps.W, both(10), false)).errors)).toEqual([
      ['CALL_NOT_OPEN', 'applicationId'],
    ]);
    const withdraw = await env.t.gql(WITHDRAW, { input: { id: apps.Y, reason: 'Trop tard' } }, asA());
    expect(codes(withdraw.data.withdrawApplication.errors)).toEqual([['ILLEGAL_TRANSITION', 'id']]);
  });
});

describe('who sees which call', () => {
  it('shows a juror only the calls they sit on, and another tenant nothing', async () => {
    const x = await createCall({ titleFr: 'Appel X' });
    const y = await createCall({ titleFr: 'Appel Y' });
    await addJuror(x.id, 1);
    await transition('openCall', y.id);
    const applicationOfY = await submitted(y.id, y.categories[0]!.id, await person(30));

    const list = await env.t.gql(CALLS, {}, asJuror(1));
    const visible = list.data.calls.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(visible).toContain(x.id);
    expect(visible).not.toContain(y.id);
    expect((await env.t.gql(ONE_CALL, { id: x.id }, asJuror(1))).data.call.myJuror).toBeTruthy();
    expect((await env.t.gql(ONE_CALL, { id: y.id }, asJuror(1))).data.call).toBeNull();
    const applications = await env.t.gql(APPLICATIONS, { callId: y.id }, asJuror(1));
    expect(applications.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const ranking = await env.t.gql(RANKING, { callId: y.id }, asJuror(1));
    expect(ranking.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(
      (await env.t.gql(ONE_APPLICATION, { id: applicationOfY }, asJuror(1))).data.application,
    ).toBeNull();
    const scoring = await env.t.gql(
      SAVE,
      { input: { applicationId: applicationOfY, scores: [{ criterionId: y.criteria[0]!.id, value: 10 }] } },
      asJuror(1),
    );
    expect(codes(scoring.data.saveEvaluation.errors)).toEqual([['NOT_FOUND', 'applicationId']]);
    // A juror sees who else sits on the jury, never how to reach them; staff see both.
    await addJuror(x.id, 2);
    const JURY = `query ($id: ID!) { call(id: $id) { jurors { user { id email phone } } } }`;
    const jury = async (as: { token: string; tenantId: string }) =>
      (await env.t.gql(JURY, { id: x.id }, as)).data.call.jurors.map(
        (j: { user: { email: string | null; phone: string | null } }) => [j.user.email, j.user.phone],
      );
    const seenByJuror = await jury(asJuror(1));
    expect(seenByJuror).toHaveLength(2);
    expect(seenByJuror).toContainEqual([jurors[1]!.email, null]);
    expect(seenByJuror).toContainEqual([null, null]);
    expect((await jury(asA())).map(([email]: string[]) => email).sort()).toEqual(
      [jurors[1]!.email, jurors[2]!.email].sort(),
    );

    // Jurors do not set calls up.
    const create = await env.t.gql(CREATE, { input: callInput() }, asJuror(1));
    expect(codes(create.data.createCall.errors)).toEqual([['FORBIDDEN', null]]);

    // Tenant B: nothing of tenant A's, read or write.
    const allB = await env.t.gql(CALLS, {}, asB());
    expect(allB.data.calls.totalCount).toBe(0);
    expect((await env.t.gql(ONE_CALL, { id: y.id }, asB())).data.call).toBeNull();
    expect((await env.t.gql(ONE_APPLICATION, { id: applicationOfY }, asB())).data.application).toBeNull();
    const foreignList = await env.t.gql(APPLICATIONS, { callId: y.id }, asB());
    expect(foreignList.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const personB = await person(30, {}, env.f.tenantB);
    const foreignSubmit = await env.t.gql(
      SUBMIT,
      { input: { callId: y.id, categoryId: y.categories[0]!.id, personId: personB, title: 'Intrus' } },
      asB(),
    );
    expect(codes(foreignSubmit.data.submitApplication.errors)).toEqual([['NOT_FOUND', 'callId']]);
    const foreignMove = await env.t.gql(move('closeCall'), { input: { id: y.id } }, asB());
    expect(codes(foreignMove.data.closeCall.errors)).toEqual([['NOT_FOUND', 'id']]);
    const foreignJuror = await env.t.gql(
      ADD_JUROR,
      { input: { callId: y.id, userId: env.f.directorB.id } },
      asB(),
    );
    expect(codes(foreignJuror.data.addJuror.errors)).toEqual([['NOT_FOUND', 'callId']]);
    const foreignWithdraw = await env.t.gql(WITHDRAW, { input: { id: applicationOfY, reason: 'x' } }, asB());
    expect(codes(foreignWithdraw.data.withdrawApplication.errors)).toEqual([['NOT_FOUND', 'id']]);
    expect((await env.t.gql(ONE_APPLICATION, { id: applicationOfY }, asA())).data.application.status).toBe(
      'SUBMITTED',
    );
  });
});

describe('the demo calls', () => {
  it('seeds the published prize (345 candidates, 24 laureates), a regional grant and the incubator’s selection awaiting the demo juror', async () => {
    const passwordHash = await hashPassword(PASSWORD);
    const accounts: DemoAccount[] = [];
    const demoOf = async (slug: string, kind: string) => {
      const tenantId = newId();
      await env.db.owner
        .insertInto('tenant')
        .values({ id: tenantId, network_id: env.f.networkId, kind, name: slug, city: 'Casablanca' })
        .execute();
      return { owner: env.db.owner, tenantId, slug, directorId: env.f.directorA.id, passwordHash, accounts };
    };
    const microcredit = await demoOf('microcredit-casablanca', 'MICROCREDIT_CENTRE');
    const incubator = await demoOf('incubateur-casablanca', 'INCUBATOR');
    const started = Date.now();
    await seedCalls(microcredit);
    await seedCalls(incubator);
    const oujda = await demoOf('incubateur-oujda', 'INCUBATOR');
    await seedCalls(oujda);
    await seedCalls(await demoOf('fes', 'CRAFT_CENTRE'));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(accounts).toEqual([
      { who: 'juror, Casablanca incubator', signIn: 'jure@demo.maalem.ma', secret: 'Maalem-demo-2026' },
    ]);

    const prize = await withTenant(env.db.owner, microcredit.tenantId, async (tx) => {
      const { rows } = await sql<{
        status: string;
        candidates: number;
        laureates: number;
        per_category: number[];
        jurors: number;
        juror_members: number;
        evaluations: number;
        drafts: number;
        conflicts: number;
      }>`
        select c.status,
               (select count(*)::int from application a where a.call_id = c.id) as candidates,
               (select count(*)::int from application a where a.call_id = c.id and a.status = 'SELECTED') as laureates,
               (select array_agg(n order by n) from (
                  select count(*)::int as n from application a
                   where a.call_id = c.id and a.status = 'SELECTED' group by a.category_id) s) as per_category,
               (select count(*)::int from call_juror j where j.call_id = c.id) as jurors,
               (select count(*)::int from membership m where m.role = 'JUROR') as juror_members,
               (select count(*)::int from evaluation e where e.submitted_at is not null) as evaluations,
               (select count(*)::int from evaluation e where e.submitted_at is null) as drafts,
               (select count(*)::int from juror_conflict) as conflicts
          from call c`.execute(tx);
      return rows;
    });
    expect(prize).toHaveLength(1);
    expect(prize[0]).toMatchObject({
      status: 'PUBLISHED',
      candidates: 345,
      laureates: 24,
      per_category: [4, 4, 4, 4, 4, 4],
      jurors: 6,
      juror_members: 6,
      drafts: 0,
    });
    // Every evaluation not barred by a declared conflict is in.
    expect(prize[0]!.conflicts).toBeGreaterThan(0);
    expect(prize[0]!.evaluations + prize[0]!.conflicts).toBe(345 * 6);

    // The regional grant programme: 40 winners of 338 applicants.
    const grant = await withTenant(env.db.owner, oujda.tenantId, (tx) =>
      tx
        .selectFrom('application')
        .select((eb) => [
          eb.fn.countAll<string>().as('applicants'),
          eb.fn.countAll<string>().filterWhere('status', '=', 'SELECTED').as('winners'),
        ])
        .executeTakeFirstOrThrow(),
    );
    expect([Number(grant.applicants), Number(grant.winners)]).toEqual([338, 40]);

    // The laureates are exactly those the service ranks within the places.
    const juror1 = await env.t.signIn('jure1@prix.demo.maalem.ma');
    const asJuror1 = { token: juror1, tenantId: microcredit.tenantId };
    const calls = await env.t.gql(CALLS, {}, asJuror1);
    const prizeId = calls.data.calls.edges[0].node.id;
    const ranking = await env.t.gql(RANKING, { callId: prizeId }, asJuror1);
    const within = ranking.data.callRanking.categories.flatMap(
      (c: { entries: { withinPlaces: boolean; application: { id: string } }[] }) =>
        c.entries.filter((e) => e.withinPlaces).map((e) => e.application.id),
    );
    const selected = await withTenant(env.db.owner, microcredit.tenantId, (tx) =>
      tx.selectFrom('application').select('id').where('status', '=', 'SELECTED').execute(),
    );
    expect(within.sort()).toEqual(selected.map((s) => s.id).sort());

    // No statement per row: a page of 100 costs no more than a page of 5 but for a loader batching
    // twice (see expectNoStatementPerRow), and the whole ranking (345 entries) a handful.
    const statements: string[] = [];
    const counted = await createTestApp(env.db, { onQuery: (q) => statements.push(q) });
    const DEEP = `query ($callId: ID!, $first: Int) {
      applications(callId: $callId, first: $first) { edges { node {
        id applicantName person { id } venture { id } category { nameFr applicationCount }
        call { titleFr categories { id } criteria { id } jurors { user { displayName } submittedCount pendingCount } myJuror { id } }
        documents { kind } myConflict { id } conflicts { juror { id } }
        myEvaluation { weightedScore scores { value criterion { nameFr } } }
        evaluations { juror { user { displayName } } weightedScore scores { value criterion { nameFr } } }
      } } }
    }`;
    const cost = async (first: number) => {
      statements.length = 0;
      const result = await counted.gql(DEEP, { callId: prizeId, first }, asJuror1);
      expect(result.errors).toBeUndefined();
      expect(result.data.applications.edges).toHaveLength(first);
      return statements.length;
    };
    expectNoStatementPerRow(
      { rows: 5, statements: await cost(5) },
      { rows: 100, statements: await cost(100) },
    );
    statements.length = 0;
    const deepRanking = await counted.gql(
      `query ($callId: ID!) { callRanking(callId: $callId) { categories { category { nameFr applicationCount }
        entries { rank application { applicantName category { nameFr } evaluations { weightedScore } } } } } }`,
      { callId: prizeId },
      asJuror1,
    );
    expect(
      deepRanking.data.callRanking.categories.flatMap((c: { entries: unknown[] }) => c.entries),
    ).toHaveLength(345);
    expect(statements.length).toBeLessThan(40);
    await counted.app.close();

    // The incubator's selection: closed, 40 young applicants; two jurors done, the demo juror not started.
    const token = await env.t.signIn('jure@demo.maalem.ma');
    const asDemoJuror = { token, tenantId: incubator.tenantId };
    const selection = (await env.t.gql(CALLS, {}, asDemoJuror)).data.calls.edges[0].node.id;
    const call = (await env.t.gql(ONE_CALL, { id: selection }, asDemoJuror)).data.call;
    expect(call).toMatchObject({
      kind: 'INCUBATOR_SELECTION',
      status: 'CLOSED',
      titleFr: 'Sélection de la cohorte 8 (2026)',
    });
    expect(call.applicationCount).toBe(40);
    expect(call.jurors.map((j: Record<string, number>) => [j.submittedCount, j.pendingCount])).toEqual([
      [0, 40],
      [40, 0],
      [40, 0],
    ]);
    const ages = await withTenant(env.db.owner, incubator.tenantId, (tx) =>
      tx
        .selectFrom('application as a')
        .innerJoin('person as p', 'p.id', 'a.person_id')
        .select((eb) => [
          eb.fn.min<number>(sql`extract(year from age('2026-10-31'::date, p.birth_date))`).as('youngest'),
          eb.fn.max<number>(sql`extract(year from age('2026-10-31'::date, p.birth_date))`).as('oldest'),
        ])
        .executeTakeFirstOrThrow(),
    );
    expect(Number(ages.youngest)).toBeGreaterThanOrEqual(18);
    expect(Number(ages.oldest)).toBeLessThanOrEqual(35);

    // What the browser test does: nothing in the demo juror's ranking, one scored, it appears.
    const before = await env.t.gql(RANKING, { callId: selection }, asDemoJuror);
    expect(before.data.callRanking.categories.flatMap((c: { entries: unknown[] }) => c.entries)).toEqual([]);
    const first = (await env.t.gql(APPLICATIONS, { callId: selection }, asDemoJuror)).data.applications
      .edges[0].node;
    const scores = call.criteria.map((c: { id: string }) => ({ criterionId: c.id, value: 15 }));
    const saved = await env.t.gql(
      SAVE,
      { input: { applicationId: first.id, scores, submit: true } },
      asDemoJuror,
    );
    expect(saved.data.saveEvaluation.errors).toEqual([]);
    const after = await env.t.gql(RANKING, { callId: selection }, asDemoJuror);
    const entries = after.data.callRanking.categories.flatMap((c: { entries: unknown[] }) => c.entries);
    expect(entries).toMatchObject([{ application: { id: first.id }, evaluations: 3 }]);
  });
});

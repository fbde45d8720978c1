import type { ApplicantKind, CallKind, CreateCallInput, UpdateCallInput } from '../gql/graphql';
import type { MessageId } from '../i18n/messages';
import { errorMessageId } from '../i18n/messages';
import { isDay } from './week-grid';

export const CALL_KINDS: readonly CallKind[] = ['INCUBATOR_SELECTION', 'PRIZE', 'GRANT'];
export const APPLICANT_KINDS: readonly ApplicantKind[] = ['PERSON', 'VENTURE'];

/** Document kinds the centres usually ask for; a call may name others (shown as typed). */
export const KNOWN_DOCUMENT_KINDS = [
  'CIN',
  'CV',
  'BUSINESS_PLAN',
  'DIPLOMA',
  'RESIDENCE_CERTIFICATE',
  'PHOTO',
  'BANK_STATEMENT',
  'LEGAL_STATUS',
] as const;

export type KnownDocumentKind = (typeof KNOWN_DOCUMENT_KINDS)[number];

export const isKnownDocumentKind = (kind: string): kind is KnownDocumentKind =>
  (KNOWN_DOCUMENT_KINDS as readonly string[]).includes(kind);

export interface CategoryRow {
  /** Only for React's list: rows are added and removed. */
  key: string;
  nameFr: string;
  nameAr: string;
  places: number | '';
}

export interface CriterionRow {
  key: string;
  nameFr: string;
  nameAr: string;
  weight: number | '';
}

/** What the call set-up form holds: text as typed, '' for "not given". */
export interface CallFormValues {
  kind: CallKind | '';
  titleFr: string;
  titleAr: string;
  description: string;
  opensOn: string;
  closesOn: string;
  minAge: number | '';
  maxAge: number | '';
  applicantKinds: ApplicantKind[];
  requiredDocuments: string[];
  provinces: string[];
  scoreMin: number | '';
  scoreMax: number | '';
  cohortId: string | null;
  categories: CategoryRow[];
  criteria: CriterionRow[];
}

let rowCount = 0;
export const newRowKey = () => `row-${++rowCount}`;

export const emptyCategory = (): CategoryRow => ({ key: newRowKey(), nameFr: '', nameAr: '', places: 1 });
export const emptyCriterion = (): CriterionRow => ({ key: newRowKey(), nameFr: '', nameAr: '', weight: 1 });

export function emptyCall(): CallFormValues {
  return {
    kind: '',
    titleFr: '',
    titleAr: '',
    description: '',
    opensOn: '',
    closesOn: '',
    minAge: '',
    maxAge: '',
    applicantKinds: ['PERSON'],
    requiredDocuments: [],
    provinces: [],
    scoreMin: 0,
    scoreMax: 20,
    cohortId: null,
    categories: [emptyCategory()],
    criteria: [emptyCriterion()],
  };
}

/** An existing call (still a draft) in the form. */
export function callFormFrom(call: {
  kind: CallKind;
  titleFr: string;
  titleAr?: string | null;
  description?: string | null;
  opensOn: string;
  closesOn: string;
  minAge?: number | null;
  maxAge?: number | null;
  applicantKinds: readonly ApplicantKind[];
  requiredDocuments: readonly string[];
  provinces: readonly string[];
  scoreMin: number;
  scoreMax: number;
  cohort?: { id: string } | null;
  categories: readonly { nameFr: string; nameAr?: string | null; places: number }[];
  criteria: readonly { nameFr: string; nameAr?: string | null; weight: number }[];
}): CallFormValues {
  return {
    kind: call.kind,
    titleFr: call.titleFr,
    titleAr: call.titleAr ?? '',
    description: call.description ?? '',
    opensOn: call.opensOn,
    closesOn: call.closesOn,
    minAge: call.minAge ?? '',
    maxAge: call.maxAge ?? '',
    applicantKinds: [...call.applicantKinds],
    requiredDocuments: [...call.requiredDocuments],
    provinces: [...call.provinces],
    scoreMin: call.scoreMin,
    scoreMax: call.scoreMax,
    cohortId: call.cohort?.id ?? null,
    categories: call.categories.map((c) => ({
      key: newRowKey(),
      nameFr: c.nameFr,
      nameAr: c.nameAr ?? '',
      places: c.places,
    })),
    criteria: call.criteria.map((c) => ({
      key: newRowKey(),
      nameFr: c.nameFr,
      nameAr: c.nameAr ?? '',
      weight: c.weight,
    })),
  };
}

/** Errors keyed by the input's path: `titleFr`, `categories`, `categories.0.places`. */
export type CallFormErrors = Partial<Record<string, MessageId>>;

const TITLE_MAX = 200;
const NAME_MAX = 120;

/** What is plainly missing or inconsistent before the API is asked; it checks again. */
export function checkCallForm(values: CallFormValues): CallFormErrors {
  const errors: CallFormErrors = {};
  if (!values.kind) errors.kind = 'errors.REQUIRED';
  if (!values.titleFr.trim()) errors.titleFr = 'errors.REQUIRED';
  else if (values.titleFr.trim().length > TITLE_MAX) errors.titleFr = 'callForm.tooLong';
  if (values.titleAr.trim().length > TITLE_MAX) errors.titleAr = 'callForm.tooLong';
  if (!values.opensOn) errors.opensOn = 'errors.REQUIRED';
  else if (!isDay(values.opensOn)) errors.opensOn = 'errors.INVALID_DATE';
  if (!values.closesOn) errors.closesOn = 'errors.REQUIRED';
  else if (!isDay(values.closesOn)) errors.closesOn = 'errors.INVALID_DATE';
  else if (isDay(values.opensOn) && values.closesOn < values.opensOn)
    errors.closesOn = 'callForm.closesBeforeOpens';
  for (const field of ['minAge', 'maxAge'] as const) {
    const age = values[field];
    if (age !== '' && (!Number.isInteger(age) || age < 0 || age > 120))
      errors[field] = 'errors.INVALID_INPUT';
  }
  if (
    !errors.minAge &&
    !errors.maxAge &&
    values.minAge !== '' &&
    values.maxAge !== '' &&
    values.minAge > values.maxAge
  )
    errors.maxAge = 'callForm.maxBelowMin';
  if (values.applicantKinds.length === 0) errors.applicantKinds = 'callForm.chooseApplicantKind';
  if (values.scoreMin === '') errors.scoreMin = 'errors.REQUIRED';
  if (values.scoreMax === '') errors.scoreMax = 'errors.REQUIRED';
  if (values.scoreMin !== '' && values.scoreMax !== '' && values.scoreMin >= values.scoreMax)
    errors.scoreMax = 'callForm.maxBelowMin';
  if (values.categories.length === 0) errors.categories = 'callForm.oneCategory';
  const categoryNames = new Set<string>();
  values.categories.forEach((row, i) => {
    const name = row.nameFr.trim();
    if (!name) errors[`categories.${i}.nameFr`] = 'errors.REQUIRED';
    else if (name.length > NAME_MAX) errors[`categories.${i}.nameFr`] = 'callForm.tooLong';
    else if (categoryNames.has(name.toLowerCase())) errors[`categories.${i}.nameFr`] = 'callForm.sameName';
    categoryNames.add(name.toLowerCase());
    if (row.places === '') errors[`categories.${i}.places`] = 'errors.REQUIRED';
    else if (!Number.isInteger(row.places) || row.places < 1 || row.places > 10_000)
      errors[`categories.${i}.places`] = 'errors.INVALID_INPUT';
  });
  if (values.criteria.length === 0) errors.criteria = 'callForm.oneCriterion';
  const criterionNames = new Set<string>();
  values.criteria.forEach((row, i) => {
    const name = row.nameFr.trim();
    if (!name) errors[`criteria.${i}.nameFr`] = 'errors.REQUIRED';
    else if (name.length > NAME_MAX) errors[`criteria.${i}.nameFr`] = 'callForm.tooLong';
    else if (criterionNames.has(name.toLowerCase())) errors[`criteria.${i}.nameFr`] = 'callForm.sameName';
    criterionNames.add(name.toLowerCase());
    if (row.weight === '') errors[`criteria.${i}.weight`] = 'errors.REQUIRED';
    else if (!(row.weight > 0) || row.weight > 1000) errors[`criteria.${i}.weight`] = 'errors.INVALID_INPUT';
  });
  return errors;
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const numberOrNull = (value: number | '') => (value === '' ? null : value);

function common(values: CallFormValues) {
  return {
    titleFr: values.titleFr.trim(),
    titleAr: orNull(values.titleAr),
    description: orNull(values.description),
    opensOn: values.opensOn,
    closesOn: values.closesOn,
    minAge: numberOrNull(values.minAge),
    maxAge: numberOrNull(values.maxAge),
    applicantKinds: values.applicantKinds,
    requiredDocuments: values.requiredDocuments.map((d) => d.trim()).filter(Boolean),
    provinces: values.provinces.map((p) => p.trim()).filter(Boolean),
    scoreMin: Number(values.scoreMin),
    scoreMax: Number(values.scoreMax),
    categories: values.categories.map((c) => ({
      nameFr: c.nameFr.trim(),
      nameAr: orNull(c.nameAr),
      places: Number(c.places),
    })),
    criteria: values.criteria.map((c) => ({
      nameFr: c.nameFr.trim(),
      nameAr: orNull(c.nameAr),
      weight: Number(c.weight),
    })),
  };
}

/** The form as the API's CreateCallInput (after checkCallForm found nothing). */
export function toCreateCallInput(values: CallFormValues): CreateCallInput {
  return { kind: values.kind as CallKind, cohortId: values.cohortId, ...common(values) };
}

/** The form as an UpdateCallInput: every field is sent, lists replace the old ones. */
export function toUpdateCallInput(id: string, values: CallFormValues): UpdateCallInput {
  return { id, cohortId: values.cohortId, ...common(values) };
}

/**
 * The form's key for an API error's field: `input.categories[1].places` and `categories.1.places`
 * both name the second category's places.
 */
export function callErrorKey(field: string | null | undefined): string | null {
  if (!field) return null;
  const path = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
  if (path[0] === 'input') path.shift();
  return path.length > 0 ? path.join('.') : null;
}

const TOP_FIELDS = [
  'kind',
  'titleFr',
  'titleAr',
  'description',
  'opensOn',
  'closesOn',
  'minAge',
  'maxAge',
  'applicantKinds',
  'requiredDocuments',
  'provinces',
  'scoreMin',
  'scoreMax',
  'cohortId',
  'categories',
  'criteria',
];

/** A payload's errors sorted into the fields the form shows, the others above the form. */
export function splitCallErrors(errors: readonly { code: string; field?: string | null }[]): {
  byField: CallFormErrors;
  general: MessageId[];
} {
  const byField: CallFormErrors = {};
  const general: MessageId[] = [];
  for (const error of errors) {
    const id = errorMessageId(error.code);
    const key = callErrorKey(error.field);
    const top = key?.split('.')[0];
    if (key && top && TOP_FIELDS.includes(top) && !byField[key]) byField[key] = id;
    else if (!general.includes(id)) general.push(id);
  }
  return { byField, general };
}

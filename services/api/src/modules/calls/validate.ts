import type {
  ApplicantKind,
  CallCategoryInput,
  CallCriterionInput,
  CallKind,
  ErrorCode,
} from '../../graphql/generated/resolvers.js';
import { isCalendarDay } from '../../graphql/schema.js';
import { canonicalProvince, provinceKey } from '../../lib/provinces.js';
import { clean } from '../../lib/text.js';

// Set-up rules of a call, checked all at once so the form is fixed in one go.

export const KINDS: readonly CallKind[] = ['INCUBATOR_SELECTION', 'PRIZE', 'GRANT'];
export const APPLICANT_KINDS: readonly ApplicantKind[] = ['PERSON', 'VENTURE'];

export interface Problem {
  field: string;
  code: ErrorCode;
}

/** A call's own fields, as the form gives them once omitted ones are filled from the stored call. */
export interface CallFields {
  kind: CallKind;
  titleFr?: string | null;
  titleAr?: string | null;
  description?: string | null;
  opensOn: string;
  closesOn: string;
  minAge?: number | null;
  maxAge?: number | null;
  applicantKinds?: readonly ApplicantKind[] | null;
  requiredDocuments?: readonly string[] | null;
  provinces?: readonly string[] | null;
  scoreMin?: number | null;
  scoreMax?: number | null;
}

export interface CallColumns {
  kind: CallKind;
  title_fr: string;
  title_ar: string | null;
  description: string | null;
  opens_on: string;
  closes_on: string;
  min_age: number | null;
  max_age: number | null;
  applicant_kinds: ApplicantKind[];
  required_documents: string[];
  provinces: string[];
  score_min: string;
  score_max: string;
}

export interface CategoryColumns {
  name_fr: string;
  name_ar: string | null;
  places: number;
  position: number;
}

export interface CriterionColumns {
  name_fr: string;
  name_ar: string | null;
  weight: string;
  position: number;
}

const TITLE_MAX = 160;
const DESCRIPTION_MAX = 4000;
const NAME_MAX = 120;
const MAX_LIST = 50;
const MAX_PROVINCES = 100;
const PROVINCE_MAX = 80;
// numeric(6, 2) holds up to 9,999.99.
const NUMERIC_MAX = 9999.99;
// A document kind is a code the form and the checklist share: CIN, BUSINESS_PLAN, DIPLOMA…
const DOCUMENT_KIND = /^[A-Z][A-Z0-9_]{0,39}$/;

const lengthIn = (text: string, min: number, max: number) => text.length >= min && text.length <= max;
const isAge = (n: number | null | undefined) => n == null || (Number.isInteger(n) && n >= 0 && n <= 120);

/** "business plan" → BUSINESS_PLAN; null for anything that cannot be a kind. */
export function documentKind(typed: string): string | null {
  const kind = typed
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  return DOCUMENT_KIND.test(kind) ? kind : null;
}

export function checkCallFields(input: CallFields): { value: CallColumns | null; errors: Problem[] } {
  const errors: Problem[] = [];
  const fail = (field: string, code: ErrorCode) => errors.push({ field, code });

  if (!KINDS.includes(input.kind)) fail('kind', 'INVALID_INPUT');
  const titleFr = clean(input.titleFr);
  if (titleFr === null) fail('titleFr', 'REQUIRED');
  else if (!lengthIn(titleFr, 2, TITLE_MAX)) fail('titleFr', 'INVALID_INPUT');
  const titleAr = clean(input.titleAr);
  if (titleAr !== null && !lengthIn(titleAr, 2, TITLE_MAX)) fail('titleAr', 'INVALID_INPUT');
  const description = input.description?.trim() || null;
  if (description !== null && description.length > DESCRIPTION_MAX) fail('description', 'INVALID_INPUT');

  if (!isCalendarDay(input.opensOn)) fail('opensOn', 'INVALID_DATE');
  if (!isCalendarDay(input.closesOn)) fail('closesOn', 'INVALID_DATE');
  else if (isCalendarDay(input.opensOn) && input.closesOn < input.opensOn) fail('closesOn', 'INVALID_DATE');

  const minAge = input.minAge ?? null;
  const maxAge = input.maxAge ?? null;
  if (!isAge(minAge)) fail('minAge', 'INVALID_INPUT');
  if (!isAge(maxAge)) fail('maxAge', 'INVALID_INPUT');
  else if (minAge !== null && maxAge !== null && isAge(minAge) && minAge > maxAge)
    fail('maxAge', 'INVALID_INPUT');

  const kinds = [...new Set<ApplicantKind>(input.applicantKinds ?? ['PERSON'])];
  if (kinds.length === 0 || kinds.some((k) => !APPLICANT_KINDS.includes(k)))
    fail('applicantKinds', 'INVALID_INPUT');

  const documents: string[] = [];
  const typedDocuments = input.requiredDocuments ?? [];
  if (typedDocuments.length > MAX_LIST) fail('requiredDocuments', 'INVALID_INPUT');
  else
    for (const typed of typedDocuments) {
      const kind = documentKind(typed);
      if (kind === null) {
        fail('requiredDocuments', 'INVALID_INPUT');
        break;
      }
      if (!documents.includes(kind)) documents.push(kind);
    }

  // Stored in their usual spelling, once each however they were typed.
  const provinces: string[] = [];
  const typedProvinces = input.provinces ?? [];
  if (typedProvinces.length > MAX_PROVINCES) fail('provinces', 'INVALID_INPUT');
  else
    for (const typed of typedProvinces) {
      const province = clean(typed);
      if (province === null || province.length > PROVINCE_MAX) {
        fail('provinces', 'INVALID_INPUT');
        break;
      }
      const canonical = canonicalProvince(province);
      if (!provinces.some((p) => provinceKey(p) === provinceKey(canonical))) provinces.push(canonical);
    }

  const scoreMin = input.scoreMin ?? 0;
  const scoreMax = input.scoreMax ?? 20;
  const inScale = (n: number) => Number.isFinite(n) && Math.abs(n) <= NUMERIC_MAX;
  if (!inScale(scoreMin)) fail('scoreMin', 'INVALID_INPUT');
  if (!inScale(scoreMax)) fail('scoreMax', 'INVALID_INPUT');
  else if (inScale(scoreMin) && Number(scoreMin.toFixed(2)) >= Number(scoreMax.toFixed(2)))
    fail('scoreMax', 'INVALID_INPUT');

  if (errors.length > 0) return { value: null, errors };
  return {
    value: {
      kind: input.kind,
      title_fr: titleFr!,
      title_ar: titleAr,
      description,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      min_age: minAge,
      max_age: maxAge,
      applicant_kinds: kinds,
      required_documents: documents,
      provinces,
      score_min: scoreMin.toFixed(2),
      score_max: scoreMax.toFixed(2),
    },
    errors: [],
  };
}

/** Names (French and Arabic) of a category or criterion; the French one unique within the list. */
function checkNames(
  list: readonly { nameFr: string; nameAr?: string | null }[],
  field: string,
  fail: (field: string, code: ErrorCode) => void,
): { nameFr: string; nameAr: string | null }[] {
  const seen = new Set<string>();
  return list.map((item, i) => {
    const nameFr = clean(item.nameFr);
    const nameAr = clean(item.nameAr);
    if (nameFr === null) fail(`${field}.${i}.nameFr`, 'REQUIRED');
    else if (nameFr.length > NAME_MAX) fail(`${field}.${i}.nameFr`, 'INVALID_INPUT');
    // "Artisanat" and "artisanat" would read as the same category on the results.
    else if (seen.has(nameFr.toLowerCase())) fail(`${field}.${i}.nameFr`, 'INVALID_INPUT');
    else seen.add(nameFr.toLowerCase());
    if (nameAr !== null && nameAr.length > NAME_MAX) fail(`${field}.${i}.nameAr`, 'INVALID_INPUT');
    return { nameFr: nameFr ?? '', nameAr };
  });
}

export function checkCategories(list: readonly CallCategoryInput[]): {
  value: CategoryColumns[] | null;
  errors: Problem[];
} {
  const errors: Problem[] = [];
  const fail = (field: string, code: ErrorCode) => errors.push({ field, code });
  if (list.length === 0) fail('categories', 'REQUIRED');
  if (list.length > MAX_LIST) fail('categories', 'INVALID_INPUT');
  const names = checkNames(list, 'categories', fail);
  list.forEach((c, i) => {
    if (!Number.isInteger(c.places) || c.places < 1 || c.places > 10_000)
      fail(`categories.${i}.places`, 'INVALID_INPUT');
  });
  if (errors.length > 0) return { value: null, errors };
  return {
    value: list.map((c, i) => ({
      name_fr: names[i]!.nameFr,
      name_ar: names[i]!.nameAr,
      places: c.places,
      position: i,
    })),
    errors,
  };
}

export function checkCriteria(list: readonly CallCriterionInput[]): {
  value: CriterionColumns[] | null;
  errors: Problem[];
} {
  const errors: Problem[] = [];
  const fail = (field: string, code: ErrorCode) => errors.push({ field, code });
  if (list.length === 0) fail('criteria', 'REQUIRED');
  if (list.length > MAX_LIST) fail('criteria', 'INVALID_INPUT');
  const names = checkNames(list, 'criteria', fail);
  list.forEach((c, i) => {
    // Weights are kept to two decimals: one that rounds to 0 would silently drop the criterion.
    if (!Number.isFinite(c.weight) || Number(c.weight.toFixed(2)) <= 0 || c.weight > NUMERIC_MAX)
      fail(`criteria.${i}.weight`, 'INVALID_INPUT');
  });
  if (errors.length > 0) return { value: null, errors };
  return {
    value: list.map((c, i) => ({
      name_fr: names[i]!.nameFr,
      name_ar: names[i]!.nameAr,
      weight: c.weight.toFixed(2),
      position: i,
    })),
    errors,
  };
}

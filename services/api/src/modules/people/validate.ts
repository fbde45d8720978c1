import type { ErrorCode, PersonInput, SchoolLevel } from '../../graphql/generated/resolvers.js';
import { isCalendarDay } from '../../graphql/schema.js';
import { ageOn } from '../../lib/time.js';
import { normalizePhone } from '../identity/phone.js';
import { SCHOOL_LEVELS } from '../programmes/service.js';

/** A person's fields as stored: trimmed, normalised, every rule checked. */
export interface NormalizedPerson {
  first_name_latin: string;
  last_name_latin: string;
  first_name_ar: string | null;
  last_name_ar: string | null;
  sex: 'F' | 'M';
  birth_date: string;
  cin: string | null;
  phone: string | null;
  guardian_name: string | null;
  guardian_phone: string | null;
  school_level: SchoolLevel | null;
  has_disability: boolean;
  province: string | null;
}

export interface PersonProblem {
  field: keyof PersonInput;
  code: ErrorCode;
}

const NAME_MAX = 80;
const PROVINCE_MAX = 80;
const ADULT_AGE = 18;
const MIN_AGE = 5;
const MAX_AGE = 100;
const CIN = /^[A-Z]{1,2}[0-9]{1,6}$/;
const LATIN = /\p{Script=Latin}/u;
const ARABIC = /\p{Script=Arabic}/u;
const LETTER = /\p{L}/u;
// Any script's digits: a digit in a name is a typing (or a spreadsheet column) mistake.
const DIGIT = /\p{Nd}/u;

type Text = { kind: 'empty' } | { kind: 'text'; text: string } | { kind: 'bad' };

/**
 * A text cell as people type it or a spreadsheet hands it over: trimmed, blank is empty, a number
 * is its digits (a phone read from XLSX), anything else is not text.
 */
function readText(value: unknown): Text {
  if (value === undefined || value === null) return { kind: 'empty' };
  if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'text', text: String(value) };
  if (typeof value !== 'string') return { kind: 'bad' };
  const text = value.trim().replace(/\s+/g, ' ');
  return text === '' ? { kind: 'empty' } : { kind: 'text', text };
}

/**
 * Checks every field of a person at once and gives them back as stored. Callers pass GraphQL
 * input or raw spreadsheet cells alike, so nothing about the types is taken for granted. `today`
 * is the centre's calendar day (birth date in the past, age 5–100, guardian under 18).
 */
export function checkPerson(
  input: Partial<Record<keyof PersonInput, unknown>>,
  today: string,
): { value: NormalizedPerson | null; errors: PersonProblem[] } {
  const errors: PersonProblem[] = [];
  const fail = (field: keyof PersonInput, code: ErrorCode): null => {
    errors.push({ field, code });
    return null;
  };

  /** A name in one script: letters of that script, none of the other one's, no digits. */
  const name = (field: keyof PersonInput, script: 'latin' | 'arabic' | 'any', required: boolean) => {
    const value = readText(input[field]);
    if (value.kind === 'bad') return fail(field, 'INVALID_INPUT');
    if (value.kind === 'empty') return required ? fail(field, 'REQUIRED') : null;
    const text = value.text;
    const scriptOk =
      script === 'latin'
        ? LATIN.test(text) && !ARABIC.test(text)
        : script === 'arabic'
          ? ARABIC.test(text) && !LATIN.test(text)
          : LETTER.test(text);
    if (text.length > NAME_MAX || DIGIT.test(text) || !scriptOk) return fail(field, 'INVALID_INPUT');
    return text;
  };

  const phone = (field: keyof PersonInput) => {
    const value = readText(input[field]);
    if (value.kind === 'bad') return fail(field, 'INVALID_PHONE');
    if (value.kind === 'empty') return null;
    return normalizePhone(value.text) ?? fail(field, 'INVALID_PHONE');
  };

  const firstNameLatin = name('firstNameLatin', 'latin', true);
  const lastNameLatin = name('lastNameLatin', 'latin', true);
  const firstNameAr = name('firstNameAr', 'arabic', false);
  const lastNameAr = name('lastNameAr', 'arabic', false);

  const sexText = readText(input.sex);
  const sex =
    sexText.kind === 'empty'
      ? fail('sex', 'REQUIRED')
      : sexText.kind === 'text' && (sexText.text.toUpperCase() === 'F' || sexText.text.toUpperCase() === 'M')
        ? (sexText.text.toUpperCase() as 'F' | 'M')
        : fail('sex', 'INVALID_INPUT');

  const birthDate = checkBirthDate(input.birthDate, today, fail);

  const cinText = readText(input.cin);
  let cin: string | null = null;
  if (cinText.kind === 'bad') fail('cin', 'INVALID_CIN');
  else if (cinText.kind === 'text') {
    // Cards print "AB 123456"; the number is the same without the space.
    const upper = cinText.text.replace(/\s/g, '').toUpperCase();
    cin = CIN.test(upper) ? upper : fail('cin', 'INVALID_CIN');
  }

  const phoneNumber = phone('phone');
  const guardianName = name('guardianName', 'any', false);
  const guardianPhone = phone('guardianPhone');
  if (birthDate !== null && ageOn(birthDate, today) < ADULT_AGE) {
    const failed = (field: keyof PersonInput) => errors.some((e) => e.field === field);
    if (guardianName === null && !failed('guardianName')) fail('guardianName', 'GUARDIAN_REQUIRED');
    if (guardianPhone === null && !failed('guardianPhone')) fail('guardianPhone', 'GUARDIAN_REQUIRED');
  }

  const levelText = readText(input.schoolLevel);
  let schoolLevel: SchoolLevel | null = null;
  if (levelText.kind === 'bad') fail('schoolLevel', 'INVALID_INPUT');
  else if (levelText.kind === 'text') {
    const level = levelText.text.toUpperCase() as SchoolLevel;
    schoolLevel = SCHOOL_LEVELS.includes(level) ? level : fail('schoolLevel', 'INVALID_INPUT');
  }

  const disability = input.hasDisability ?? false;
  const hasDisability = typeof disability === 'boolean' ? disability : fail('hasDisability', 'INVALID_INPUT');

  const provinceText = readText(input.province);
  let province: string | null = null;
  if (provinceText.kind === 'bad') fail('province', 'INVALID_INPUT');
  else if (provinceText.kind === 'text') {
    province =
      provinceText.text.length <= PROVINCE_MAX ? provinceText.text : fail('province', 'INVALID_INPUT');
  }

  if (errors.length > 0) return { value: null, errors };
  return {
    value: {
      first_name_latin: firstNameLatin!,
      last_name_latin: lastNameLatin!,
      first_name_ar: firstNameAr,
      last_name_ar: lastNameAr,
      sex: sex!,
      birth_date: birthDate!,
      cin,
      phone: phoneNumber,
      guardian_name: guardianName,
      guardian_phone: guardianPhone,
      school_level: schoolLevel,
      has_disability: hasDisability!,
      province,
    },
    errors,
  };
}

function checkBirthDate(
  value: unknown,
  today: string,
  fail: (field: keyof PersonInput, code: ErrorCode) => null,
): string | null {
  // A spreadsheet date cell arrives as a Date at UTC midnight of that day.
  const raw =
    value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
  const text = readText(raw);
  if (text.kind === 'empty') return fail('birthDate', 'REQUIRED');
  if (text.kind === 'bad' || !isCalendarDay(text.text) || text.text >= today)
    return fail('birthDate', 'INVALID_DATE');
  const age = ageOn(text.text, today);
  if (age < MIN_AGE || age > MAX_AGE) return fail('birthDate', 'INVALID_DATE');
  return text.text;
}

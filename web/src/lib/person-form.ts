import { mutationErrors, type SplitErrors, type UserErrorLike } from '../components/user-errors';
import type { PersonInput, SchoolLevel, Sex } from '../gql/graphql';
import type { MessageId } from '../i18n/messages';

export const SCHOOL_LEVELS: readonly SchoolLevel[] = [
  'NONE',
  'PRIMARY',
  'MIDDLE',
  'SECONDARY',
  'BACCALAUREATE',
  'HIGHER',
];

/** What the person form holds: text as typed, '' for "not chosen". */
export interface PersonFormValues {
  firstNameLatin: string;
  lastNameLatin: string;
  firstNameAr: string;
  lastNameAr: string;
  sex: Sex | '';
  birthDate: string;
  cin: string;
  phone: string;
  guardianName: string;
  guardianPhone: string;
  schoolLevel: SchoolLevel | '';
  hasDisability: boolean;
  province: string;
}

export type PersonField = keyof PersonFormValues;

/** Every field of PersonInput, in the order the form shows them: the API names its errors after them. */
export const PERSON_FIELDS: readonly PersonField[] = [
  'firstNameLatin',
  'lastNameLatin',
  'firstNameAr',
  'lastNameAr',
  'sex',
  'birthDate',
  'cin',
  'phone',
  'guardianName',
  'guardianPhone',
  'schoolLevel',
  'hasDisability',
  'province',
];

export const EMPTY_PERSON: PersonFormValues = {
  firstNameLatin: '',
  lastNameLatin: '',
  firstNameAr: '',
  lastNameAr: '',
  sex: '',
  birthDate: '',
  cin: '',
  phone: '',
  guardianName: '',
  guardianPhone: '',
  schoolLevel: '',
  hasDisability: false,
  province: '',
};

/** The form filled with a stored person, for editing. */
export function personFormFrom(
  person: {
    [K in keyof PersonInput]?: PersonInput[K] | null;
  },
): PersonFormValues {
  return {
    firstNameLatin: person.firstNameLatin ?? '',
    lastNameLatin: person.lastNameLatin ?? '',
    firstNameAr: person.firstNameAr ?? '',
    lastNameAr: person.lastNameAr ?? '',
    sex: person.sex ?? '',
    birthDate: person.birthDate ?? '',
    cin: person.cin ?? '',
    phone: person.phone ?? '',
    guardianName: person.guardianName ?? '',
    guardianPhone: person.guardianPhone ?? '',
    schoolLevel: person.schoolLevel ?? '',
    hasDisability: person.hasDisability ?? false,
    province: person.province ?? '',
  };
}

/** True for a real calendar day written YYYY-MM-DD (the API's Date scalar refuses anything else). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The `PersonInput` to send, or the errors that keep it from being sent. Only what GraphQL itself
 * would refuse is checked here (a missing sex, a birth date that is not a day); every other rule
 * (names, CIN, phones, guardian of a minor) is the API's, whose errors land on the same fields.
 */
export function toPersonInput(values: PersonFormValues): {
  input: PersonInput | null;
  errors: Partial<Record<PersonField, MessageId>>;
} {
  const errors: Partial<Record<PersonField, MessageId>> = {};
  if (!values.firstNameLatin.trim()) errors.firstNameLatin = 'errors.REQUIRED';
  if (!values.lastNameLatin.trim()) errors.lastNameLatin = 'errors.REQUIRED';
  if (!values.sex) errors.sex = 'errors.REQUIRED';
  if (!values.birthDate.trim()) errors.birthDate = 'errors.REQUIRED';
  else if (!isCalendarDay(values.birthDate.trim())) errors.birthDate = 'errors.INVALID_DATE';
  if (Object.keys(errors).length > 0 || !values.sex) return { input: null, errors };
  return {
    input: {
      firstNameLatin: values.firstNameLatin.trim(),
      lastNameLatin: values.lastNameLatin.trim(),
      firstNameAr: orNull(values.firstNameAr),
      lastNameAr: orNull(values.lastNameAr),
      sex: values.sex,
      birthDate: values.birthDate.trim(),
      cin: orNull(values.cin),
      phone: orNull(values.phone),
      guardianName: orNull(values.guardianName),
      guardianPhone: orNull(values.guardianPhone),
      schoolLevel: values.schoolLevel || null,
      hasDisability: values.hasDisability,
      province: orNull(values.province),
    },
    errors: {},
  };
}

/** A person mutation's errors, each under the person field it names. */
export function personMutationErrors(
  payload: { errors: readonly UserErrorLike[] } | null | undefined,
  requestError: Parameters<typeof mutationErrors>[1],
  fields: readonly string[] = PERSON_FIELDS,
): SplitErrors | null {
  return mutationErrors(payload, requestError, fields);
}

import type { PersonInput } from '../gql/graphql';

export type ImportField = keyof PersonInput;

/**
 * The columns an applicant file may have, with the header the API knows each by in French and in
 * Arabic (it also accepts a few variants, and any case or accents). Only the first four are required.
 */
export const IMPORT_COLUMNS: readonly { field: ImportField; fr: string; ar: string; required: boolean }[] = [
  { field: 'firstNameLatin', fr: 'Prénom', ar: 'الاسم بالفرنسية', required: true },
  { field: 'lastNameLatin', fr: 'Nom', ar: 'النسب بالفرنسية', required: true },
  { field: 'firstNameAr', fr: 'Prénom (arabe)', ar: 'الاسم', required: false },
  { field: 'lastNameAr', fr: 'Nom (arabe)', ar: 'النسب', required: false },
  { field: 'sex', fr: 'Sexe', ar: 'الجنس', required: true },
  { field: 'birthDate', fr: 'Date de naissance', ar: 'تاريخ الازدياد', required: true },
  { field: 'cin', fr: 'CIN', ar: 'رقم البطاقة الوطنية', required: false },
  { field: 'phone', fr: 'Téléphone', ar: 'الهاتف', required: false },
  { field: 'guardianName', fr: 'Tuteur', ar: 'ولي الأمر', required: false },
  { field: 'guardianPhone', fr: 'Téléphone du tuteur', ar: 'هاتف ولي الأمر', required: false },
  { field: 'schoolLevel', fr: 'Niveau scolaire', ar: 'المستوى الدراسي', required: false },
  { field: 'hasDisability', fr: 'Handicap', ar: 'الإعاقة', required: false },
  { field: 'province', fr: 'Province', ar: 'الإقليم', required: false },
];

/** The headers of a missing column (MISSING_COLUMN names the person field), in both languages. */
export function columnHeaders(field: string | null | undefined): string | null {
  const column = IMPORT_COLUMNS.find((c) => c.field === field);
  return column ? `« ${column.fr} » / « ${column.ar} »` : null;
}

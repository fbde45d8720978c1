import type { PersonInput, SchoolLevel } from '../../graphql/generated/resolvers.js';

/** A person field an imported column can fill. */
export type PersonField = keyof PersonInput;

/** One cell as the file gave it: text from a CSV, or a typed value from a spreadsheet. */
export type Cell = string | number | boolean | Date | null;

/** A row's values by field, after reading the file's vocabulary; checkPerson judges them. */
export type RawPerson = Partial<Record<PersonField, string | boolean | null>>;

/**
 * The headers each field is known by, in French and Arabic, as centres write them. Matching
 * ignores case, accents, Arabic vowel marks and hamza forms, spaces and punctuation, so
 * « Date de naissance », "DATE_DE_NAISSANCE" and "date-de-naissance" are one header.
 * Latin and Arabic names are separate fields: « Nom » is the Latin family name, « النسب » the
 * Arabic one; a file with Arabic headers names its Latin-script columns « النسب بالفرنسية » etc.
 */
export const HEADER_ALIASES: Readonly<Record<PersonField, readonly string[]>> = {
  firstNameLatin: [
    'prénom',
    'prénom (latin)',
    'prénom en latin',
    'prénom en français',
    'الاسم بالفرنسية',
    'الاسم بالحروف اللاتينية',
    'الاسم الشخصي بالفرنسية',
  ],
  lastNameLatin: [
    'nom',
    'nom (latin)',
    'nom en latin',
    'nom en français',
    'nom de famille',
    'النسب بالفرنسية',
    'النسب بالحروف اللاتينية',
    'الاسم العائلي بالفرنسية',
  ],
  firstNameAr: ['prénom (arabe)', 'prénom en arabe', 'الاسم', 'الاسم الشخصي', 'الاسم بالعربية', 'اسم'],
  lastNameAr: ['nom (arabe)', 'nom en arabe', 'النسب', 'الاسم العائلي', 'النسب بالعربية', 'نسب'],
  sex: ['sexe', 'genre', 'الجنس', 'جنس', 'النوع'],
  birthDate: [
    'date de naissance',
    'né(e) le',
    'né le',
    'née le',
    'تاريخ الازدياد',
    'تاريخ الإزدياد',
    'تاريخ الولادة',
    'تاريخ الميلاد',
  ],
  cin: [
    'cin',
    'n° cin',
    'numéro cin',
    'numéro de cin',
    'carte nationale',
    "carte d'identité nationale",
    'رقم البطاقة الوطنية',
    'البطاقة الوطنية',
    'ب.ت.و',
  ],
  phone: ['téléphone', 'tél', 'tel', 'gsm', 'portable', 'الهاتف', 'رقم الهاتف', 'هاتف'],
  guardianName: ['tuteur', 'nom du tuteur', 'tuteur légal', 'ولي الأمر', 'اسم ولي الأمر'],
  guardianPhone: [
    'téléphone du tuteur',
    'tél tuteur',
    'tél. du tuteur',
    'téléphone tuteur',
    'هاتف ولي الأمر',
    'رقم هاتف ولي الأمر',
  ],
  schoolLevel: [
    'niveau scolaire',
    "niveau d'études",
    "niveau d'instruction",
    'niveau',
    'المستوى الدراسي',
    'المستوى التعليمي',
    'المستوى',
  ],
  hasDisability: ['handicap', 'situation de handicap', 'en situation de handicap', 'إعاقة', 'الإعاقة'],
  province: [
    'province',
    'préfecture',
    'province / préfecture',
    'الإقليم',
    'إقليم',
    'العمالة',
    'العمالة أو الإقليم',
  ],
};

/** Without these a row cannot make a person: the file is refused before anything is queued. */
export const REQUIRED_FIELDS: readonly PersonField[] = [
  'firstNameLatin',
  'lastNameLatin',
  'sex',
  'birthDate',
];

/** The comparison form of a header or a vocabulary word. */
export function foldText(text: string): string {
  return (
    text
      .normalize('NFKD')
      // Latin accents, Arabic short vowels and the hamza carried by alif (أ إ آ → ا).
      .replace(/\p{M}/gu, '')
      .replace(/\u0640/g, '') // tatweel
      .replace(/ى/g, 'ي')
      .replace(/ة/g, 'ه')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '')
  );
}

const FIELD_BY_HEADER: ReadonlyMap<string, PersonField> = (() => {
  const map = new Map<string, PersonField>();
  for (const [field, aliases] of Object.entries(HEADER_ALIASES) as [PersonField, readonly string[]][]) {
    for (const alias of aliases) {
      const key = foldText(alias);
      const taken = map.get(key);
      if (taken && taken !== field)
        throw new Error(`Header alias "${alias}" names both ${taken} and ${field}`);
      map.set(key, field);
    }
  }
  return map;
})();

export function fieldOfHeader(header: string): PersonField | undefined {
  return FIELD_BY_HEADER.get(foldText(header));
}

export interface ColumnMapping {
  /** Cell index → field, for the columns that were recognised. */
  byIndex: Map<number, PersonField>;
  /** Field → its header as written in the file (for row errors). */
  headers: Partial<Record<PersonField, string>>;
  missing: PersonField[];
}

/**
 * Which column holds which field. Unknown columns are ignored (files often carry a number or a
 * remarks column); when two columns name the same field, the first one is used.
 */
export function mapHeader(header: readonly string[]): ColumnMapping {
  const byIndex = new Map<number, PersonField>();
  const headers: Partial<Record<PersonField, string>> = {};
  header.forEach((text, index) => {
    const field = fieldOfHeader(text);
    if (!field || headers[field] !== undefined) return;
    byIndex.set(index, field);
    headers[field] = text.trim();
  });
  return { byIndex, headers, missing: REQUIRED_FIELDS.filter((f) => headers[f] === undefined) };
}

/** A data row's values by field, with the file's words for sex, level and yes/no read. */
export function mapRow(cells: readonly Cell[], mapping: ColumnMapping): RawPerson {
  const person: RawPerson = {};
  for (const [index, field] of mapping.byIndex) person[field] = readValue(field, cells[index] ?? null);
  return person;
}

function readValue(field: PersonField, cell: Cell): string | boolean | null {
  switch (field) {
    case 'sex':
      return fromVocabulary(cell, SEX);
    case 'birthDate':
      return readDate(cell);
    case 'schoolLevel':
      return fromVocabulary(cell, SCHOOL_LEVEL);
    case 'hasDisability':
      // An empty cell means no disability was declared.
      return cell === null || (typeof cell === 'string' && cell.trim() === '') ? false : readYesNo(cell);
    case 'phone':
    case 'guardianPhone':
      return readPhone(cell);
    default:
      return readText(cell);
  }
}

function readText(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return isoDay(cell);
  const text = String(cell).trim();
  return text === '' ? null : text;
}

function fromVocabulary<T extends string>(cell: Cell, words: ReadonlyMap<string, T>): string | null {
  const text = readText(cell);
  return text === null ? null : (words.get(foldText(text)) ?? text);
}

function vocabulary<T extends string>(entries: Record<T, readonly string[]>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(entries) as [T, readonly string[]][]) {
    map.set(foldText(value), value);
    for (const word of words) map.set(foldText(word), value);
  }
  return map;
}

const SEX = vocabulary<'F' | 'M'>({
  F: ['femme', 'féminin', 'fille', 'female', 'أنثى', 'انثى', 'إناث'],
  M: ['homme', 'masculin', 'garçon', 'male', 'h', 'ذكر', 'ذكور'],
});

const SCHOOL_LEVEL = vocabulary<SchoolLevel>({
  NONE: ['aucun', 'sans', 'néant', 'non scolarisé', 'بدون', 'لا شيء', 'أمي', 'غير متمدرس'],
  PRIMARY: ['primaire', 'école primaire', 'ابتدائي', 'الابتدائي', 'التعليم الابتدائي'],
  MIDDLE: ['collège', 'collégial', 'secondaire collégial', 'إعدادي', 'الإعدادي', 'الثانوي الإعدادي'],
  SECONDARY: [
    'lycée',
    'secondaire',
    'secondaire qualifiant',
    'ثانوي',
    'الثانوي',
    'الثانوي التأهيلي',
    'تأهيلي',
  ],
  BACCALAUREATE: ['baccalauréat', 'bac', 'bachelier', 'باكالوريا', 'بكالوريا', 'الباكالوريا', 'البكالوريا'],
  HIGHER: [
    'supérieur',
    'universitaire',
    'études supérieures',
    'bac+2',
    'licence',
    'عالي',
    'جامعي',
    'التعليم العالي',
  ],
});

const YES_NO = vocabulary<'yes' | 'no'>({
  yes: ['oui', 'o', 'y', 'true', 'vrai', '1', 'x', 'نعم'],
  no: ['non', 'n', 'false', 'faux', '0', 'لا'],
});

function readYesNo(cell: Cell): boolean | string | null {
  if (typeof cell === 'boolean') return cell;
  const word = fromVocabulary(cell, YES_NO);
  return word === 'yes' ? true : word === 'no' ? false : word;
}

/**
 * Spreadsheets store a typed-in 0612345678 as the number 612345678: put back the leading zero of
 * a nine-digit Moroccan number so it normalizes like the text would.
 */
function readPhone(cell: Cell): string | null {
  if (typeof cell === 'number' && Number.isInteger(cell)) {
    const digits = String(cell);
    return digits.length === 9 ? `0${digits}` : digits;
  }
  return readText(cell);
}

/**
 * YYYY-MM-DD from a spreadsheet date, an Excel day number, 2008-09-15 or 15/09/2008 (also with
 * `-` or `.`). Anything else is passed on as written, and the person check calls it INVALID_DATE.
 */
export function readDate(cell: Cell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'invalid' : isoDay(cell);
  if (typeof cell === 'number') {
    // Days since 1899-12-30 (the 1900 date system, as Excel counts them).
    if (Number.isInteger(cell) && cell > 0 && cell < 100_000)
      return isoDay(new Date(Date.UTC(1899, 11, 30 + cell)));
    return String(cell);
  }
  const text = readText(cell);
  if (text === null) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]!.padStart(2, '0')}-${iso[3]!.padStart(2, '0')}`;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return text;
}

// Spreadsheet dates are calendar days stored at UTC midnight: read them in UTC, never local time.
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

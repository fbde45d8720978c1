import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../graphql/errors.js';
import { fieldOfHeader, HEADER_ALIASES, mapHeader, mapRow, type PersonField, readDate } from './columns.js';
import {
  decodeBase64,
  guessDelimiter,
  MAX_DATA_ROWS,
  MAX_FILE_BYTES,
  readSheet,
  unpackedZipSize,
} from './parse.js';

const csv = (text: string) => Buffer.from(text, 'utf8');

async function xlsx(sheets: { name: string; rows: unknown[][] }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof UserError) return `${error.code} ${error.field}`;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('header map', () => {
  it('recognises French and Arabic headers whatever the case, accents, spaces and hamza', () => {
    const cases: [string, PersonField][] = [
      ['Prénom', 'firstNameLatin'],
      ['PRENOM', 'firstNameLatin'],
      ['  nom ', 'lastNameLatin'],
      ['Nom (arabe)', 'lastNameAr'],
      ['NOM_ARABE', 'lastNameAr'],
      ['النسب', 'lastNameAr'],
      ['الاسم', 'firstNameAr'],
      ['الاسم بالفرنسية', 'firstNameLatin'],
      ['النسب بالفرنسية', 'lastNameLatin'],
      ['Sexe', 'sex'],
      ['الجنس', 'sex'],
      ['Date de naissance', 'birthDate'],
      ['date-de-naissance', 'birthDate'],
      ['تاريخ الازدياد', 'birthDate'],
      ['تاريخ الإزدياد', 'birthDate'],
      ['N° CIN', 'cin'],
      ['رقم البطاقة الوطنية', 'cin'],
      ['Téléphone', 'phone'],
      ['TELEPHONE', 'phone'],
      ['الهاتف', 'phone'],
      ['Tuteur', 'guardianName'],
      ['ولي الأمر', 'guardianName'],
      ['ولي الامر', 'guardianName'],
      ['Téléphone du tuteur', 'guardianPhone'],
      ['هاتف ولي الأمر', 'guardianPhone'],
      ['Niveau scolaire', 'schoolLevel'],
      ['المستوى الدراسي', 'schoolLevel'],
      ['Handicap', 'hasDisability'],
      ['إعاقة', 'hasDisability'],
      ['Province', 'province'],
      ['الإقليم', 'province'],
    ];
    for (const [header, field] of cases) expect([header, fieldOfHeader(header)]).toEqual([header, field]);
    expect(fieldOfHeader('Remarques')).toBeUndefined();
  });

  it('has an alias for every field and no alias naming two fields', () => {
    for (const aliases of Object.values(HEADER_ALIASES)) expect(aliases.length).toBeGreaterThan(0);
    // The map is built at import time and throws on a clash; every alias maps back to its field.
    for (const [field, aliases] of Object.entries(HEADER_ALIASES)) {
      for (const alias of aliases) expect(fieldOfHeader(alias)).toBe(field);
    }
  });

  it('lists the required columns a header lacks, and keeps headers as written', () => {
    const mapping = mapHeader(['N°', 'Nom', 'Sexe', 'Remarques', 'nom']);
    expect(mapping.missing).toEqual(['firstNameLatin', 'birthDate']);
    expect(mapping.headers).toEqual({ lastNameLatin: 'Nom', sex: 'Sexe' });
    expect([...mapping.byIndex]).toEqual([
      [1, 'lastNameLatin'],
      [2, 'sex'],
    ]);
  });
});

describe('cell values', () => {
  const mapping = mapHeader([
    'prénom',
    'nom',
    'sexe',
    'date de naissance',
    'téléphone',
    'niveau scolaire',
    'handicap',
    'cin',
  ]);
  const row = (cells: unknown[]) => mapRow(cells as never, mapping);

  it('reads the words centres use for sex, level and yes/no, in French and Arabic', () => {
    expect(row(['Amina', 'Alaoui', 'Femme', '15/09/2008', '', 'Collège', 'non', ''])).toMatchObject({
      firstNameLatin: 'Amina',
      sex: 'F',
      birthDate: '2008-09-15',
      phone: null,
      schoolLevel: 'MIDDLE',
      hasDisability: false,
      cin: null,
    });
    expect(row(['A', 'B', 'ذكر', '2001-2-3', '0612345678', 'باكالوريا', 'نعم', ' ab123 '])).toMatchObject({
      sex: 'M',
      birthDate: '2001-02-03',
      phone: '0612345678',
      schoolLevel: 'BACCALAUREATE',
      hasDisability: true,
      cin: 'ab123',
    });
    expect(row(['A', 'B', 'أنثى', '', '', 'secondary', '', ''])).toMatchObject({
      sex: 'F',
      birthDate: null,
      schoolLevel: 'SECONDARY',
      hasDisability: false,
    });
    expect(row(['A', 'B', 'h', '01.12.1999', '', 'Lycée', 'OUI', ''])).toMatchObject({
      sex: 'M',
      birthDate: '1999-12-01',
      schoolLevel: 'SECONDARY',
      hasDisability: true,
    });
  });

  it('passes unknown words on as written, for the person check to refuse', () => {
    expect(row(['A', 'B', 'X', 'hier', '', 'maternelle', 'peut-être', ''])).toMatchObject({
      sex: 'X',
      birthDate: 'hier',
      schoolLevel: 'maternelle',
      hasDisability: 'peut-être',
    });
  });

  it('reads spreadsheet dates, Excel day numbers and phone numbers that lost their zero', () => {
    expect(readDate(new Date(Date.UTC(2008, 8, 15)))).toBe('2008-09-15');
    expect(readDate(39706)).toBe('2008-09-15');
    expect(readDate('2008-09-15T00:00:00.000Z')).toBe('2008-09-15');
    expect(readDate('31/02/2008')).toBe('2008-02-31'); // not a day: checkPerson says INVALID_DATE
    expect(row(['A', 'B', 'F', 39706, 612345678, '', '', ''])).toMatchObject({
      birthDate: '2008-09-15',
      phone: '0612345678',
    });
  });
});

describe('reading files', () => {
  it('reads a UTF-8 CSV with BOM, semicolons, quotes and blank lines, keeping file row numbers', async () => {
    const text =
      '\uFEFFNom;Prénom;"Date; de naissance"\r\n\r\nAlaoui;"Amina ""Mina""";15/09/2008\r\n;;\r\nBennani;"Sa\nid";2001-01-01\r\n';
    const sheet = await readSheet(csv(text), 'candidats.csv');
    expect(sheet.header).toEqual(['Nom', 'Prénom', 'Date; de naissance']);
    expect(sheet.rows).toEqual([
      { row: 3, cells: ['Alaoui', 'Amina "Mina"', '15/09/2008'] },
      { row: 5, cells: ['Bennani', 'Sa\nid', '2001-01-01'] },
    ]);
  });

  it('reads a comma CSV without BOM, whatever the name says', async () => {
    const sheet = await readSheet(csv('nom,prénom\nAlaoui,Amina\n'), 'liste.txt');
    expect(sheet).toEqual({ header: ['nom', 'prénom'], rows: [{ row: 2, cells: ['Alaoui', 'Amina'] }] });
    expect(guessDelimiter('a;b;c,d')).toBe(';');
    expect(guessDelimiter('"a,b";c')).toBe(';');
    expect(guessDelimiter('single')).toBe(',');
  });

  it('reads the first worksheet of an XLSX with dates, numbers, rich text and formulas', async () => {
    const bytes = await xlsx([
      {
        name: 'Candidats',
        rows: [
          ['الاسم بالفرنسية', 'تاريخ الازدياد', 'الهاتف'],
          [{ richText: [{ text: 'Ami' }, { text: 'na' }] }, new Date(Date.UTC(2008, 8, 15)), 612345678],
          [],
          ['Said', { formula: 'DATE(2001,1,1)', result: new Date(Date.UTC(2001, 0, 1)) }, '0612345678'],
        ],
      },
      { name: 'Autre', rows: [['ignored']] },
    ]);
    const sheet = await readSheet(bytes, 'candidats.xlsx');
    expect(sheet.header).toEqual(['الاسم بالفرنسية', 'تاريخ الازدياد', 'الهاتف']);
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['Amina', new Date(Date.UTC(2008, 8, 15)), 612345678] },
      { row: 4, cells: ['Said', new Date(Date.UTC(2001, 0, 1)), '0612345678'] },
    ]);
  });

  it('refuses what is not a CSV or an XLSX', async () => {
    expect(
      await refusal(readSheet(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'old.xls')),
    ).toBe('FILE_UNREADABLE contentBase64');
    expect(await refusal(readSheet(csv('nom,prénom\n'), 'liste.xlsx'))).toBe('FILE_UNREADABLE contentBase64');
    // Windows-1252 "Prénom": not UTF-8.
    expect(await refusal(readSheet(Buffer.from([0x50, 0x72, 0xe9, 0x6e, 0x6f, 0x6d]), 'a.csv'))).toBe(
      'FILE_UNREADABLE contentBase64',
    );
    expect(await refusal(readSheet(Buffer.from('a\u0000b'), 'a.csv'))).toBe('FILE_UNREADABLE contentBase64');
    expect(await refusal(readSheet(csv('nom,"prénom\nAlaoui,Amina'), 'a.csv'))).toBe(
      'FILE_UNREADABLE contentBase64',
    );
    expect(await refusal(readSheet(csv('\n \n'), 'a.csv'))).toBe('FILE_UNREADABLE contentBase64');
    // A zip that is not a workbook.
    const zip = Buffer.from('504b0506000000000000000000000000000000000000', 'hex');
    expect(
      await refusal(readSheet(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), zip]), 'a.xlsx')),
    ).toMatch(/^FILE_(UNREADABLE|TOO_LARGE) /);
    expect(await refusal(() => decodeBase64('not base64!'))).toBe('FILE_UNREADABLE contentBase64');
    expect(await refusal(() => decodeBase64(''))).toBe('FILE_UNREADABLE contentBase64');
  });

  it('refuses more than 10,000 data rows or 5 MB', async () => {
    const rows = (n: number) => `nom\n${'x\n'.repeat(n)}`;
    expect((await readSheet(csv(rows(MAX_DATA_ROWS)), 'a.csv')).rows).toHaveLength(MAX_DATA_ROWS);
    expect(await refusal(readSheet(csv(rows(MAX_DATA_ROWS + 1)), 'a.csv'))).toBe(
      'FILE_TOO_LARGE contentBase64',
    );
    expect(decodeBase64(Buffer.alloc(MAX_FILE_BYTES, 1).toString('base64'))).toHaveLength(MAX_FILE_BYTES);
    expect(await refusal(() => decodeBase64(Buffer.alloc(MAX_FILE_BYTES + 1, 1).toString('base64')))).toBe(
      'FILE_TOO_LARGE contentBase64',
    );
  });

  it('measures what an XLSX unpacks to before unpacking it', async () => {
    const bytes = await xlsx([{ name: 'a', rows: [['nom'], ['x'.repeat(10_000)]] }]);
    const unpacked = unpackedZipSize(bytes);
    expect(unpacked).toBeGreaterThan(10_000);
    expect(unpacked).toBeLessThan(100_000);
    expect(unpackedZipSize(Buffer.from('no central directory here at all, just text'))).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});

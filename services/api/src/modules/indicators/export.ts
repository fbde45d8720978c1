import ExcelJS from 'exceljs';
import type { Breakdown, Indicators, LineFigures } from './service.js';

export interface ExportFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export const CSV_MIME = 'text/csv; charset=utf-8';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The layout of the centre's published tables: one table per section, French headings with the
// Arabic ones under them.
export const HEADER_FR = [
  'Ligne',
  'Formations',
  'Jours de formation',
  'Participants',
  'Participations',
  'Formations par participant',
  'Évolution des participants (%)',
] as const;
export const HEADER_AR = [
  'المجال',
  'عدد التكوينات',
  'أيام التكوين',
  'عدد المستفيدين',
  'عدد المشاركات',
  'عدد التكوينات لكل مستفيد',
  'تطور عدد المستفيدين (%)',
] as const;

export const SECTIONS: { breakdown: 'total' | Breakdown; fr: string; ar: string }[] = [
  { breakdown: 'total', fr: 'Total', ar: 'المجموع' },
  { breakdown: 'byTrainingLine', fr: 'Par ligne de formation', ar: 'حسب مجال التكوين' },
  { breakdown: 'bySex', fr: 'Par sexe', ar: 'حسب الجنس' },
  { breakdown: 'byAudience', fr: 'Par public', ar: 'حسب الفئة المستهدفة' },
  { breakdown: 'byCity', fr: 'Par ville', ar: 'حسب المدينة' },
  { breakdown: 'byMode', fr: 'Par mode', ar: 'حسب نمط التكوين' },
];

// Codes become the words the published report uses; training lines and cities are already words.
const LABELS: Record<string, string> = {
  F: 'Femmes',
  M: 'Hommes',
  ARTISANS: 'Artisans',
  MFI_STAFF: 'Personnel des IMF',
  MICRO_ENTREPRENEURS: 'Micro-entrepreneurs',
  ENTREPRENEURS: 'Entrepreneurs',
  TRAINERS: 'Formateurs',
  OTHER: 'Autres',
  IN_PERSON: 'Présentiel',
  E_LEARNING: 'E-learning',
  BLENDED: 'Hybride',
};
const KEYED: ReadonlySet<string> = new Set(['bySex', 'byAudience', 'byMode']);

/** The label a line shows in the file. */
export function lineLabel(breakdown: 'total' | Breakdown, key: string): string {
  return KEYED.has(breakdown) ? (LABELS[key] ?? key) : key;
}

function sectionLines(indicators: Indicators, breakdown: 'total' | Breakdown): LineFigures[] {
  return breakdown === 'total' ? [indicators.total] : indicators[breakdown];
}

/** One data row: label, then the figures as numbers (null where there is nothing to show). */
function values(breakdown: 'total' | Breakdown, line: LineFigures): [string, ...(number | null)[]] {
  const f = line.figures;
  return [
    lineLabel(breakdown, line.key),
    f.trainings,
    f.trainingDays,
    f.participants,
    f.participations,
    f.trainingsPerParticipant === null ? null : round(f.trainingsPerParticipant, 2),
    line.change.participants === null ? null : round(line.change.participants * 100, 1),
  ];
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export type Cell = string | number | null;

/**
 * One table of an exported report: a title in French and Arabic, heading lines, then data rows
 * (numbers stay numbers). Every report file is written from these, so all exports look alike.
 */
export interface ExportTable {
  /** The worksheet's name in XLSX (at most 31 characters, none of : \ / ? * [ ]). */
  sheet: string;
  title: readonly [fr: string, ar: string];
  headers: readonly (readonly string[])[];
  rows: readonly (readonly Cell[])[];
  /** Excel number formats by column (1-based). */
  numFmts?: Readonly<Record<number, string>>;
}

function indicatorTables(indicators: Indicators): ExportTable[] {
  return SECTIONS.map((section) => ({
    sheet: section.fr,
    title: [`${section.fr} ${indicators.year}`, section.ar],
    headers: [HEADER_FR, HEADER_AR],
    rows: sectionLines(indicators, section.breakdown).map((line) => values(section.breakdown, line)),
    numFmts: { 6: '0.00', 7: '0.0' },
  }));
}

export function toCsv(indicators: Indicators): ExportFile {
  return tablesToCsv(`formations-${indicators.year}.csv`, indicatorTables(indicators));
}

/**
 * CSV as Excel opens it in Morocco and France: UTF-8 with a byte-order mark (or Arabic and
 * accents come out garbled), semicolons between fields and a decimal comma. Tables follow each
 * other, a blank line between them.
 */
export function tablesToCsv(fileName: string, tables: readonly ExportTable[]): ExportFile {
  const lines: string[] = [];
  for (const table of tables) {
    if (lines.length > 0) lines.push('');
    lines.push(csvRow([table.title[0]]), csvRow([table.title[1]]));
    for (const header of table.headers) lines.push(csvRow(header));
    for (const row of table.rows) lines.push(csvRow(row.map(csvValue)));
  }
  const text = `\uFEFF${lines.join('\r\n')}\r\n`;
  return {
    fileName,
    mimeType: CSV_MIME,
    contentBase64: Buffer.from(text, 'utf8').toString('base64'),
  };
}

function csvValue(value: string | number | null): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value).replace('.', ',') : value;
}

/** RFC 4180: a field holding the separator, a quote or a line break is quoted, quotes doubled. */
function csvRow(cells: readonly string[]): string {
  return cells.map((cell) => (/[;"\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(';');
}

export function toXlsx(indicators: Indicators): Promise<ExportFile> {
  return tablesToXlsx(`formations-${indicators.year}.xlsx`, indicatorTables(indicators));
}

/** One worksheet per table, numbers stored as numbers. */
export async function tablesToXlsx(fileName: string, tables: readonly ExportTable[]): Promise<ExportFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Maalem';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.sheet);
    sheet.addRow([...table.title]).font = { bold: true, size: 13 };
    for (const header of table.headers) sheet.addRow([...header]).font = { bold: true };
    for (const row of table.rows) sheet.addRow([...row]);
    const columns = Math.max(...table.headers.map((h) => h.length));
    sheet.getColumn(1).width = 40;
    for (let column = 2; column <= columns; column++) sheet.getColumn(column).width = 18;
    for (const [column, format] of Object.entries(table.numFmts ?? {})) {
      sheet.getColumn(Number(column)).numFmt = format;
    }
    sheet.views = [{ state: 'frozen', ySplit: 1 + table.headers.length }];
  }
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName, mimeType: XLSX_MIME, contentBase64: bytes.toString('base64') };
}

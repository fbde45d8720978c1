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

/**
 * CSV as Excel opens it in Morocco and France: UTF-8 with a byte-order mark (or Arabic and
 * accents come out garbled), semicolons between fields and a decimal comma.
 */
export function toCsv(indicators: Indicators): ExportFile {
  const lines: string[] = [];
  for (const section of SECTIONS) {
    if (lines.length > 0) lines.push('');
    lines.push(csvRow([`${section.fr} ${indicators.year}`]));
    lines.push(csvRow([section.ar]));
    lines.push(csvRow(HEADER_FR), csvRow(HEADER_AR));
    for (const line of sectionLines(indicators, section.breakdown)) {
      lines.push(csvRow(values(section.breakdown, line).map(csvValue)));
    }
  }
  const text = `\uFEFF${lines.join('\r\n')}\r\n`;
  return {
    fileName: `formations-${indicators.year}.csv`,
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

/** One worksheet per section, numbers stored as numbers. */
export async function toXlsx(indicators: Indicators): Promise<ExportFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Maalem';
  for (const section of SECTIONS) {
    const sheet = workbook.addWorksheet(section.fr);
    sheet.addRow([`${section.fr} ${indicators.year}`, section.ar]).font = { bold: true, size: 13 };
    sheet.addRow([...HEADER_FR]).font = { bold: true };
    sheet.addRow([...HEADER_AR]).font = { bold: true };
    for (const line of sectionLines(indicators, section.breakdown)) {
      sheet.addRow(values(section.breakdown, line));
    }
    sheet.getColumn(1).width = 40;
    for (let column = 2; column <= HEADER_FR.length; column++) sheet.getColumn(column).width = 18;
    sheet.getColumn(6).numFmt = '0.00';
    sheet.getColumn(7).numFmt = '0.0';
    sheet.views = [{ state: 'frozen', ySplit: 3 }];
  }
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `formations-${indicators.year}.xlsx`,
    mimeType: XLSX_MIME,
    contentBase64: bytes.toString('base64'),
  };
}

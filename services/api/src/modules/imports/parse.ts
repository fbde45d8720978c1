import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { UserError } from '../../graphql/errors.js';
import type { Cell } from './columns.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_DATA_ROWS = 10_000;
/** What an XLSX may unpack to: far above a 10,000-row sheet, far below a zip bomb. */
const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;

/** A table read from a file: the header row and the non-empty data rows with their row numbers. */
export interface Sheet {
  header: string[];
  /** `row` is the row number a spreadsheet shows (the header is row 1 when it is the first line). */
  rows: { row: number; cells: Cell[] }[];
}

const unreadable = () => new UserError('FILE_UNREADABLE', 'contentBase64');
const tooLarge = () => new UserError('FILE_TOO_LARGE', 'contentBase64');

/** The file's bytes; refuses what is not base64 or is larger than MAX_FILE_BYTES. */
export function decodeBase64(content: string): Buffer {
  const compact = content.replace(/\s+/g, '');
  if (compact.length > Math.ceil(MAX_FILE_BYTES / 3) * 4) throw tooLarge();
  if (compact.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) throw unreadable();
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge();
  return bytes;
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads a CSV or the first worksheet of an XLSX, told apart by their content (an XLSX is a zip),
 * not by the name the browser sent. Anything else is FILE_UNREADABLE; more than MAX_DATA_ROWS
 * data rows is FILE_TOO_LARGE.
 */
export async function readSheet(bytes: Buffer, fileName: string): Promise<Sheet> {
  const isZip = bytes.subarray(0, 4).equals(ZIP);
  const looksLikeSpreadsheet = /\.(xlsx|xlsm|xls|ods)$/i.test(fileName);
  let table: { row: number; cells: Cell[] }[];
  if (isZip) table = await readXlsx(bytes);
  else if (looksLikeSpreadsheet) throw unreadable();
  else table = readCsv(bytes);

  const nonEmpty = table.filter((r) =>
    r.cells.some((c) => c !== null && !(typeof c === 'string' && c.trim() === '')),
  );
  const [first, ...rows] = nonEmpty;
  if (!first) throw unreadable();
  if (rows.length > MAX_DATA_ROWS) throw tooLarge();
  return { header: first.cells.map((c) => (c === null ? '' : String(c).trim())), rows };
}

function readCsv(bytes: Buffer): { row: number; cells: Cell[] }[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw unreadable();
  }
  // A NUL byte means a binary file that happens to be valid UTF-8.
  if (text.includes('\u0000')) throw unreadable();
  let records: string[][];
  try {
    records = parseCsv(text, {
      bom: true,
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      // Files pasted together from several sources mix line endings.
      record_delimiter: ['\r\n', '\n', '\r'],
      // Blank lines stay (as empty records) so record i is still the file's row i + 1.
      skip_empty_lines: false,
    }) as string[][];
  } catch {
    throw unreadable();
  }
  return records.map((cells, index) => ({ row: index + 1, cells }));
}

/** Comma, semicolon (what French-locale Excel writes) or tab: whichever the header line has most of. */
export function guessDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, outsideQuotes.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

async function readXlsx(bytes: Buffer): Promise<{ row: number; cells: Cell[] }[]> {
  if (unpackedZipSize(bytes) > MAX_XLSX_UNPACKED_BYTES) throw tooLarge();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable();
  if (sheet.actualRowCount > MAX_DATA_ROWS + 1) throw tooLarge();
  const table: { row: number; cells: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellOf(row.getCell(column).value));
    table.push({ row: rowNumber, cells });
  });
  return table;
}

/** A spreadsheet cell's value as text, number, boolean or date (formulas give their result). */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      formula?: unknown;
      sharedFormula?: unknown;
      error?: unknown;
    };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellOf(v.result);
    if (v.text !== undefined) return cellOf(v.text);
    if (v.error !== undefined) return String(v.error);
  }
  return String(value);
}

/**
 * The total unpacked size a zip's central directory declares, read before unpacking anything, so
 * a small file that inflates to gigabytes is refused. Infinity when the directory is missing or
 * uses ZIP64 (no XLSX of our size needs it).
 */
export function unpackedZipSize(bytes: Buffer): number {
  const END = 0x06054b50;
  const ENTRY = 0x02014b50;
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) return Number.POSITIVE_INFINITY;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== ENTRY) return Number.POSITIVE_INFINITY;
    const size = bytes.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}

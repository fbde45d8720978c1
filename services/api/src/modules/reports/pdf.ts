import type { Context } from '../../graphql/context.js';
import { escapeHtml } from '../../lib/pdf.js';
import type { ExportFile } from '../indicators/export.js';
import type { CentreActivity } from './activity.js';
import {
  fileBase,
  outcomeColumns,
  outcomeFigures,
  reportLines,
  summaryFigures,
  tradeFigures,
} from './export.js';
import { type Bilingual, DEFINITIONS, OUTCOMES, SUMMARY, TITLE, TRADES, TRAINING_YEAR } from './labels.js';
import type { ActivityReport } from './service.js';

// The activity report as a printed document, in Arabic and French together: the reader's language
// leads (Arabic: right to left, tables read from the right) and the other follows each heading.
// Chromium lays it out (lib/pdf.ts); every value is escaped, the document fetches nothing.

type Lang = 'ar' | 'fr';

/** The leading language's words, then the other's, each marked with its language and direction. */
function both(words: Bilingual, lead: Lang, tag = 'div'): string {
  const [fr, ar] = words;
  const part = (lang: Lang, text: string, cls: string) =>
    `<${tag} lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}" class="${cls}">${escapeHtml(text)}</${tag}>`;
  // Inline (headings): a wide space between the two languages.
  const gap = tag === 'span' ? '&emsp;' : '';
  return lead === 'ar'
    ? part('ar', ar, 'lead') + gap + part('fr', fr, 'second')
    : part('fr', fr, 'lead') + gap + part('ar', ar, 'second');
}

/** Figures as the report prints them: whole numbers plain, percentages with one decimal and a comma. */
function figure(value: number | null, isPercent = false): string {
  if (value === null) return '—';
  return isPercent ? `${String(value).replace('.', ',')} %` : String(value);
}

// A figure reads left to right in Arabic too (« 66,7 % », not « % 66,7 »).
const num = (value: number | null, isPercent = false) =>
  `<td class="n"><span dir="ltr">${escapeHtml(figure(value, isPercent))}</span></td>`;

function centreCell(line: CentreActivity, lead: Lang): string {
  return `<td>${both([line.name, line.nameAr ?? line.name], lead)}</td>`;
}

function table(columns: readonly Bilingual[], rows: string[], lead: Lang): string {
  const head = columns.map((c) => `<th>${both(c, lead)}</th>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const rowClass = (line: CentreActivity) => (line.tenant === null ? ' class="total"' : '');

/** The centre, other labels, then the figures; the last figure is the rate, a percentage. */
function row(line: CentreActivity, lead: Lang, figures: (number | null)[], labels = ''): string {
  const cells = figures.map((v, k) => num(v, k === figures.length - 1)).join('');
  return `<tr${rowClass(line)}>${centreCell(line, lead)}${labels}${cells}</tr>`;
}

function summary(lines: CentreActivity[], lead: Lang): string {
  return table(
    SUMMARY.columns,
    lines.map((line) => row(line, lead, summaryFigures(line))),
    lead,
  );
}

function trades(lines: CentreActivity[], lead: Lang): string {
  const rows = lines.flatMap((line) =>
    tradeFigures(line).map(({ trade, figures }) => row(line, lead, figures, `<td>${both(trade, lead)}</td>`)),
  );
  return table(TRADES.columns, rows, lead);
}

function outcomes(lines: CentreActivity[], lead: Lang): string {
  return table(
    outcomeColumns(),
    lines.map((line) => row(line, lead, outcomeFigures(line))),
    lead,
  );
}

/** Both languages of a cell line up on the leading language's side, figures on the other. */
const style = (lead: Lang) => {
  const [start, end] = lead === 'ar' ? ['right', 'left'] : ['left', 'right'];
  return `
  @page { size: A4 landscape; margin: 12mm; }
  body { font-family: 'Noto Naskh Arabic', 'Noto Sans', sans-serif; font-size: 9pt; color: #1b1b1b; margin: 0;
         text-align: ${start}; }
  [lang="fr"] { font-family: 'Noto Sans', 'Noto Naskh Arabic', sans-serif; }
  h1 { font-size: 17pt; margin: 0 0 2px; }
  h1 .second, h2 .second { font-size: 11pt; font-weight: 400; color: #555; }
  h2 { font-size: 12.5pt; margin: 14px 0 4px; }
  .scope { margin: 4px 0 10px; color: #333; }
  table { width: 100%; border-collapse: collapse; margin: 4px 0 10px; }
  tr { break-inside: avoid; }
  th, td { border: 1px solid #b9b3a6; padding: 3px 5px; text-align: ${start}; vertical-align: top; }
  th { background: #efe9dc; font-weight: 700; font-size: 8.5pt; }
  th .second, td .second { font-weight: 400; color: #5a5a5a; font-size: 7.5pt; }
  td.n { text-align: ${end}; white-space: nowrap; font-variant-numeric: tabular-nums; }
  tr.total td { font-weight: 700; background: #f8f5ee; }
  .note { font-size: 8pt; color: #444; margin-top: 10px; }
`;
};

/** The whole document (exported for the tests that check what it escapes). */
export function activityHtml(report: ActivityReport, lead: Lang): string {
  const lines = reportLines(report);
  const year = `${report.year}-${report.year + 1}`;
  const heading: Bilingual = [
    `${TITLE[0]} — ${TRAINING_YEAR[0].toLowerCase()} ${year}`,
    // Isolated left to right: inside Arabic, « 2024-2025 » would otherwise print as « 2025-2024 ».
    `${TITLE[1]} — ${TRAINING_YEAR[1]} \u2066${year}\u2069`,
  ];
  const who: Bilingual = [report.total.name, report.total.nameAr ?? report.total.name];
  const section = (title: Bilingual, body: string) =>
    `<section><h2>${both(title, lead, 'span')}</h2>${body}</section>`;
  const outcomeTitle: Bilingual = [OUTCOMES.title[0], OUTCOMES.title[1]];
  return `<!doctype html>
<html lang="${lead}" dir="${lead === 'ar' ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><title>${escapeHtml(heading[lead === 'ar' ? 1 : 0])}</title><style>${style(lead)}</style></head>
<body>
<h1>${both(heading, lead)}</h1>
<div class="scope">${both(who, lead)}</div>
${section(SUMMARY.title, summary(lines, lead))}
${section(TRADES.title, trades(lines, lead))}
${section(outcomeTitle, outcomes(lines, lead))}
<div class="note">${both(DEFINITIONS, lead)}</div>
</body>
</html>`;
}

/** Printed in the caller's language first; the file name says the year and scope. */
export async function activityPdf(ctx: Context, report: ActivityReport): Promise<ExportFile> {
  const lead: Lang = ctx.locale === 'fr-MA' ? 'fr' : 'ar';
  const pdf = await ctx.deps.pdf.render(activityHtml(report, lead), { landscape: true });
  return {
    fileName: `${fileBase(report)}.pdf`,
    mimeType: 'application/pdf',
    contentBase64: pdf.toString('base64'),
  };
}

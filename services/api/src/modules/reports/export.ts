import { STATUSES } from '../followup/waves.js';
import {
  type Cell,
  type ExportFile,
  type ExportTable,
  tablesToCsv,
  tablesToXlsx,
} from '../indicators/export.js';
import type { CentreActivity } from './activity.js';
import { OUTCOMES, STATUS_LABELS, SUMMARY, TRADES } from './labels.js';
import type { ActivityReport } from './service.js';

/** 0.7912 → 79.1 (percent, one decimal); null stays empty. */
export const percent = (share: number | null): number | null =>
  share === null ? null : Math.round(share * 1000) / 10;

/** The centres, then the network's total when there are several. */
export const reportLines = (report: ActivityReport): CentreActivity[] =>
  report.scope === 'NETWORK' ? [...report.centres, report.total] : report.centres;

// The figures of each table, in its columns' order after the centre (and the trade), the rate
// last: the files (CSV, XLSX) and the printed report (pdf.ts) take them from here, so the two
// cannot disagree on a column.

export function summaryFigures(line: CentreActivity): (number | null)[] {
  const i = line.integration;
  return [
    line.trainees,
    line.women,
    line.trainedInside,
    line.trainedOutside,
    line.graduates,
    line.graduatesWomen,
    i.surveyed,
    i.unreachable,
    i.reached,
    i.integrated,
    percent(i.rate),
  ];
}

export const tradeFigures = (line: CentreActivity) =>
  line.byTrade.map((t) => ({
    trade: [t.tradeFr, t.tradeAr] as const,
    figures: [t.trainees, t.women, t.graduates, percent(t.share)],
  }));

/** Counts by status in STATUSES' order, whatever order the line lists them in. */
export function outcomeFigures(line: CentreActivity): (number | null)[] {
  const i = line.integration;
  const counts = STATUSES.map((status) => i.byStatus.find((s) => s.status === status)?.count ?? 0);
  return [i.graduates, i.notSurveyed, ...counts, percent(i.rate)];
}

export const summaryRow = (line: CentreActivity): Cell[] => [line.name, ...summaryFigures(line)];

export const tradeRows = (line: CentreActivity): Cell[][] =>
  tradeFigures(line).map(({ trade: [fr, ar], figures }) => [line.name, `${fr} — ${ar}`, ...figures]);

export const outcomeRow = (line: CentreActivity): Cell[] => [line.name, ...outcomeFigures(line)];

export const outcomeColumns = () => [
  ...OUTCOMES.lead,
  ...STATUSES.map((status) => STATUS_LABELS[status]),
  OUTCOMES.rate,
];

/** The report's three tables, as the foundation publishes them: by centre, by trade, outcomes. */
export function activityTables(report: ActivityReport): ExportTable[] {
  const lines = reportLines(report);
  const headers = (columns: readonly (readonly [string, string])[]) => [
    columns.map(([fr]) => fr),
    columns.map(([, ar]) => ar),
  ];
  const year = `${report.year}-${report.year + 1}`;
  const outcomes = outcomeColumns();
  return [
    {
      sheet: 'Synthèse',
      title: [`${SUMMARY.title[0]} ${year}`, `${SUMMARY.title[1]} ${year}`],
      headers: headers(SUMMARY.columns),
      rows: lines.map(summaryRow),
      numFmts: { 12: '0.0' },
    },
    {
      sheet: 'Métiers',
      title: [`${TRADES.title[0]} ${year}`, `${TRADES.title[1]} ${year}`],
      headers: headers(TRADES.columns),
      rows: lines.flatMap(tradeRows),
      numFmts: { 6: '0.0' },
    },
    {
      sheet: 'Devenir des lauréats',
      title: [`${OUTCOMES.title[0]} ${year}`, `${OUTCOMES.title[1]} ${year}`],
      headers: headers(outcomes),
      rows: lines.map(outcomeRow),
      numFmts: { [outcomes.length]: '0.0' },
    },
  ];
}

export const fileBase = (report: ActivityReport) =>
  `rapport-activite-${report.scope === 'NETWORK' ? 'reseau-' : ''}${report.year}`;

export const activityCsv = (report: ActivityReport): ExportFile =>
  tablesToCsv(`${fileBase(report)}.csv`, activityTables(report));

export const activityXlsx = (report: ActivityReport): Promise<ExportFile> =>
  tablesToXlsx(`${fileBase(report)}.xlsx`, activityTables(report));

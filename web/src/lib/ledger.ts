import { isDay } from './week-grid';

/** The figures a bar needs, as the API's LedgerFigures gives them. */
export interface HoursFigures {
  plannedTheoryHours: number;
  plannedPracticeHours: number;
  attendedTheoryHours: number;
  attendedPracticeHours: number;
}

export type LedgerKind = 'theory' | 'practice';

const planned = (f: HoursFigures, kind: LedgerKind) =>
  kind === 'theory' ? f.plannedTheoryHours : f.plannedPracticeHours;
const attended = (f: HoursFigures, kind: LedgerKind) =>
  kind === 'theory' ? f.attendedTheoryHours : f.attendedPracticeHours;

/**
 * The longest planned bar of each kind among the rows: every row is drawn on that scale, so a
 * trainee placed later (fewer planned hours) has a shorter track, and rows compare at a glance.
 */
export function barScale(rows: readonly HoursFigures[]): Record<LedgerKind, number> {
  const max = (kind: LedgerKind) => Math.max(0, ...rows.map((row) => planned(row, kind)));
  return { theory: max('theory'), practice: max('practice') };
}

const clampPercent = (value: number) => Math.min(100, Math.max(0, value));
const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * A row's bar of one kind, in percent of the scale: the planned track and the attended fill (never
 * longer than the track, even if the figures were to say so); `fill` is the attended part in
 * percent of the track itself, as the fill is drawn inside it.
 */
export function barWidths(
  figures: HoursFigures,
  kind: LedgerKind,
  scale: Record<LedgerKind, number>,
): { planned: number; attended: number; fill: number } {
  const max = scale[kind];
  if (max <= 0) return { planned: 0, attended: 0, fill: 0 };
  const track = clampPercent((planned(figures, kind) / max) * 100);
  const done = Math.min(track, clampPercent((attended(figures, kind) / max) * 100));
  return {
    planned: round1(track),
    attended: round1(done),
    fill: track > 0 ? round1((done / track) * 100) : 0,
  };
}

/** Share and drift as the API gives them (0.122, -0.078) in percent and percentage points. */
export function toPoints(value: number | null | undefined): number | null {
  return value == null ? null : round1(value * 100);
}

export type LedgerSort = 'DRIFT' | 'NAME';

export interface LedgerParams {
  /** Null: the API's default (the cohort's start, and today or its end). */
  from: string | null;
  to: string | null;
  sort: LedgerSort;
}

/** The ledger's range and order live in the address, so a link opens the same view. */
export function parseLedgerParams(params: URLSearchParams): LedgerParams {
  const from = params.get('from');
  const to = params.get('to');
  return {
    from: isDay(from) ? from : null,
    to: isDay(to) ? to : null,
    sort: params.get('sort') === 'NAME' ? 'NAME' : 'DRIFT',
  };
}

export function toLedgerParams(state: LedgerParams): URLSearchParams {
  const params = new URLSearchParams();
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  // Drift first is the default: it stays out of the address.
  if (state.sort !== 'DRIFT') params.set('sort', state.sort);
  return params;
}

/** A range the API would refuse (the end before the start) is caught before asking. */
export function rangeIsValid(state: Pick<LedgerParams, 'from' | 'to'>): boolean {
  return !state.from || !state.to || state.from <= state.to;
}

/**
 * The school year the dashboard's ledger covers: from the 1st of September (intakes start in
 * September) to today.
 */
export function schoolYearOf(today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return { from: `${month >= 9 ? year : year - 1}-09-01`, to: today };
}

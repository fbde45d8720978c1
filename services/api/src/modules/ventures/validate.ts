import { UserError, UserErrors } from '../../graphql/errors.js';
import type { ErrorCode, FundingKind, LegalForm, VenturePhase } from '../../graphql/generated/resolvers.js';
import { isUuid } from '../../lib/ids.js';
import { clean } from '../../lib/text.js';

export const PHASES: readonly VenturePhase[] = [
  'SELECTION',
  'INCUBATION',
  'POST_INCUBATION',
  'EXITED',
  'ABANDONED',
];
export const LEGAL_FORMS: readonly LegalForm[] = [
  'AUTO_ENTREPRENEUR',
  'COOPERATIVE',
  'SARL',
  'SARL_AU',
  'INDIVIDUAL_ENTERPRISE',
  'OTHER',
];
export const FUNDING_KINDS: readonly FundingKind[] = [
  'MICRO_CREDIT',
  'BANK_LOAN',
  'GRANT',
  'HONOUR_LOAN',
  'EQUITY',
  'OTHER',
];

/** The one road through the programme; ABANDONED is the way out of any phase before EXITED. */
const NEXT: Partial<Record<VenturePhase, VenturePhase>> = {
  SELECTION: 'INCUBATION',
  INCUBATION: 'POST_INCUBATION',
  POST_INCUBATION: 'EXITED',
};

export function isLegalMove(from: VenturePhase, to: VenturePhase): boolean {
  if (to === 'ABANDONED') return from !== 'EXITED' && from !== 'ABANDONED';
  return NEXT[from] === to;
}

/** Survival is followed for five years after exit. */
export const SURVIVAL_YEARS = 5;
export const MAX_FOUNDERS = 10;
export const MAX_JOBS = 100_000;
// amount_mad is numeric(12, 2).
export const MAX_AMOUNT_MAD = 9_999_999_999.99;
export const MIN_MINUTES = 5;
export const MAX_MINUTES = 600;
// Nothing in a programme that started this century happened before it.
export const EARLIEST_DAY = '2000-01-01';

/** Trimmed, line breaks kept (notes are written in paragraphs); blank is null. */
export const cleanText = (value: string | null | undefined): string | null => value?.trim() || null;

/**
 * Collects every problem of a form before failing, so it is fixed in one go; `done` throws them
 * all (or nothing).
 */
export class Problems {
  private readonly found: UserError[] = [];

  add(code: ErrorCode, field: string): void {
    if (!this.found.some((p) => p.field === field)) this.found.push(new UserError(code, field));
  }

  /** A required one-line text between min and max characters (after cleaning). */
  requiredText(value: string | null | undefined, field: string, min: number, max: number): string {
    const text = clean(value);
    if (text === null) this.add('REQUIRED', field);
    else if (text.length < min || text.length > max) this.add('INVALID_INPUT', field);
    return text ?? '';
  }

  optionalText(
    value: string | null | undefined,
    field: string,
    max: number,
    multiline = false,
  ): string | null {
    const text = multiline ? cleanText(value) : clean(value);
    if (text !== null && text.length > max) this.add('INVALID_INPUT', field);
    return text;
  }

  /** A day that happened: not before EARLIEST_DAY, not after today. */
  pastDay(day: string, field: string, today: string): string {
    if (day < EARLIEST_DAY) this.add('INVALID_DATE', field);
    else if (day > today) this.add('DATE_IN_FUTURE', field);
    return day;
  }

  id(value: string, field: string): string {
    if (!isUuid(value)) this.add('NOT_FOUND', field);
    return value;
  }

  done(): void {
    if (this.found.length === 1) throw this.found[0]!;
    if (this.found.length > 1) throw new UserErrors(this.found);
  }
}

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../i18n/messages';
import { checkReason, DECLINE_REASONS, END_REASONS, REASON_MAX } from './reasons';

describe('a reason for declining or ending a placement', () => {
  it('is required, trimmed, at least 2 and at most 300 characters', () => {
    expect(checkReason('')).toBe('errors.REASON_REQUIRED');
    expect(checkReason('   \n ')).toBe('errors.REASON_REQUIRED');
    expect(checkReason(' x ')).toBe('reason.tooShort');
    expect(checkReason('x'.repeat(REASON_MAX + 1))).toBe('reason.tooLong');
    expect(checkReason(`  ${'x'.repeat(REASON_MAX)}  `)).toBeNull();
    expect(checkReason('لا مكان')).toBeNull();
  });

  it('offers suggestions that are themselves valid reasons', () => {
    for (const id of [...DECLINE_REASONS, ...END_REASONS])
      expect(checkReason(CATALOGUES['fr-MA'][id])).toBeNull();
  });
});

// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CATALOGUES, type MessageId } from '../i18n/messages';
import {
  assessmentProblems,
  assessorRolesFor,
  describeBlocker,
  formatPercent,
  parseScore,
  sortBlockers,
} from './graduation';

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
/** The catalogue's message with its placeholders filled, as react-intl would for these simple ones. */
const translate =
  (locale: 'fr-MA' | 'ar-MA') =>
  (id: MessageId, values: Record<string, string | number> = {}) =>
    CATALOGUES[locale][id].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));

describe('a graduation blocker in words', () => {
  it('gives what the trainee has and what the rule asks, formatted for the reader', () => {
    const fr = translate('fr-MA');
    expect(
      plain(describeBlocker({ code: 'ATTENDANCE_TOO_LOW', required: 0.8, actual: 0.72 }, fr, 'fr-MA')),
    ).toBe('Assiduité 72 % (80 % demandés)');
    expect(
      describeBlocker({ code: 'PRACTICE_HOURS_TOO_LOW', required: 400, actual: 312.5 }, fr, 'fr-MA'),
    ).toBe('Pratique 312,5 h (400 h demandées)');
    expect(
      describeBlocker({ code: 'ARTISAN_ASSESSMENT_FAILED', required: 10, actual: 9.75 }, fr, 'fr-MA'),
    ).toBe('Évaluation du maître artisan 9,75/20 (10/20 demandés)');
    expect(
      describeBlocker({ code: 'INSTRUCTOR_ASSESSMENT_MISSING', required: 10, actual: null }, fr, 'fr-MA'),
    ).toBe('Évaluation du formateur manquante');
  });

  it('reads in Arabic with the Moroccan (Western) digits and percent sign', () => {
    const ar = translate('ar-MA');
    expect(describeBlocker({ code: 'ATTENDANCE_TOO_LOW', required: 0.8, actual: 0.72 }, ar, 'ar-MA')).toBe(
      'المواظبة 72\u200e%\u200e (المطلوب 80\u200e%\u200e)',
    );
  });

  it('writes a dash, not a made-up zero, when a figure is missing', () => {
    const fr = translate('fr-MA');
    expect(describeBlocker({ code: 'ATTENDANCE_TOO_LOW', required: 0.8, actual: null }, fr, 'fr-MA')).toMatch(
      /^Assiduité — \(80/,
    );
  });

  it('are listed in the order a reader checks the rules', () => {
    const codes = sortBlockers([
      { code: 'ARTISAN_ASSESSMENT_MISSING' as const },
      { code: 'ATTENDANCE_TOO_LOW' as const },
      { code: 'INSTRUCTOR_ASSESSMENT_FAILED' as const },
      { code: 'PRACTICE_HOURS_TOO_LOW' as const },
    ]).map((b) => b.code);
    expect(codes).toEqual([
      'ATTENDANCE_TOO_LOW',
      'PRACTICE_HOURS_TOO_LOW',
      'INSTRUCTOR_ASSESSMENT_FAILED',
      'ARTISAN_ASSESSMENT_MISSING',
    ]);
  });
});

describe('final assessments', () => {
  it('are recorded by instructors and artisans for their own part, by directors and coordinators for both', () => {
    expect(assessorRolesFor(['INSTRUCTOR'])).toEqual(['INSTRUCTOR']);
    expect(assessorRolesFor(['HOST_ARTISAN'])).toEqual(['HOST_ARTISAN']);
    expect(assessorRolesFor(['COORDINATOR'])).toEqual(['INSTRUCTOR', 'HOST_ARTISAN']);
    expect(assessorRolesFor(['DIRECTOR', 'INSTRUCTOR'])).toEqual(['INSTRUCTOR', 'HOST_ARTISAN']);
    expect(assessorRolesFor(['NETWORK_ADMIN', 'TRAINEE'])).toEqual([]);
  });

  it('read a mark written with a comma or a dot, and nothing else as a mark', () => {
    expect(parseScore(' 14,5 ')).toBe(14.5);
    expect(parseScore('14.5')).toBe(14.5);
    expect(parseScore('20')).toBe(20);
    expect(parseScore('')).toBeNull();
    for (const text of ['15.5.1', '1,234', 'quinze', '-3', '14,']) expect(parseScore(text), text).toBeNaN();
    expect(
      assessmentProblems({ score: parseScore('21'), comment: '', assessedOn: '' }, '2026-11-27'),
    ).toEqual({
      score: 'assessment.scoreRange',
    });
    expect(
      assessmentProblems({ score: parseScore('abc'), comment: '', assessedOn: '' }, '2026-11-27'),
    ).toEqual({
      score: 'assessment.scoreRange',
    });
  });

  it('take a mark from 0 to 20, a comment of reasonable length, a day not to come', () => {
    const today = '2026-11-27';
    expect(assessmentProblems({ score: 14.5, comment: '', assessedOn: today }, today)).toEqual({});
    expect(assessmentProblems({ score: 0, comment: '', assessedOn: '' }, today)).toEqual({});
    expect(assessmentProblems({ score: null, comment: '', assessedOn: today }, today)).toEqual({
      score: 'errors.REQUIRED',
    });
    expect(
      assessmentProblems({ score: 20.5, comment: 'x'.repeat(1001), assessedOn: '2026-11-28' }, today),
    ).toEqual({
      score: 'assessment.scoreRange',
      comment: 'assessment.commentTooLong',
      assessedOn: 'errors.DATE_IN_FUTURE',
    });
  });
});

describe('a rate', () => {
  const digits = (text: string) => text.replace(/[^\d]/g, '');
  it('leaves rates as whole percents (attendance, completion thresholds, integration)', () => {
    expect(digits(formatPercent(0.8, 'fr-MA'))).toBe('80');
    expect(digits(formatPercent(2 / 3, 'fr-MA'))).toBe('67');
  });
});

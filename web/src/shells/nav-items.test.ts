// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { canWriteEnrollment } from '../session/permissions';
import { isInSection, NAV_ITEMS } from './nav-items';

const pagesOf = (role: keyof typeof NAV_ITEMS) => NAV_ITEMS[role].map((item) => `${item.path}:${item.page}`);

describe('cohorts and enrollment in the navigation', () => {
  it('are real pages for directors and coordinators, readable by network admins and instructors', () => {
    for (const role of ['DIRECTOR', 'COORDINATOR', 'NETWORK_ADMIN', 'INSTRUCTOR'] as const) {
      expect(pagesOf(role)).toContain('/cohorts:cohorts');
      expect(pagesOf(role)).toContain('/enrollment:enrollment');
    }
    for (const role of ['HOST_ARTISAN', 'TRAINEE'] as const) {
      expect(pagesOf(role).some((p) => p.startsWith('/cohorts') || p.startsWith('/enrollment'))).toBe(false);
    }
  });

  it('count a person’s page as part of the enrollment section', () => {
    const enrollment = NAV_ITEMS.DIRECTOR.find((item) => item.page === 'enrollment')!;
    const cohorts = NAV_ITEMS.DIRECTOR.find((item) => item.page === 'cohorts')!;
    expect(isInSection(enrollment, '/people/123')).toBe(true);
    expect(isInSection(enrollment, '/enrollment')).toBe(true);
    expect(isInSection(enrollment, '/peoples')).toBe(false);
    expect(isInSection(cohorts, '/cohorts/1/import')).toBe(true);
    expect(isInSection(NAV_ITEMS.DIRECTOR[0]!, '/cohorts')).toBe(false);
  });
});

describe('canWriteEnrollment', () => {
  it('lets directors and coordinators write, whatever else they hold', () => {
    expect(canWriteEnrollment(['DIRECTOR'])).toBe(true);
    expect(canWriteEnrollment(['NETWORK_ADMIN', 'COORDINATOR'])).toBe(true);
    expect(canWriteEnrollment(['NETWORK_ADMIN'])).toBe(false);
    expect(canWriteEnrollment(['INSTRUCTOR'])).toBe(false);
    expect(canWriteEnrollment([])).toBe(false);
  });
});

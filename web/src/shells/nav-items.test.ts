// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { canWriteEnrollment } from '../session/permissions';
import { activeSection, isInSection, NAV_ITEMS } from './nav-items';

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

describe('placements and hosts in the navigation', () => {
  it('are real pages for directors and coordinators, and the artisan’s proposals and trainees for them', () => {
    for (const role of ['DIRECTOR', 'COORDINATOR'] as const) {
      expect(pagesOf(role)).toContain('/placements:placements');
      expect(pagesOf(role)).toContain('/hosts:hosts');
    }
    expect(pagesOf('HOST_ARTISAN')).toEqual([
      '/:home',
      '/placements:hostProposals',
      '/trainees:hostTrainees',
      '/attendance:hostAttendance',
    ]);
    for (const role of ['NETWORK_ADMIN', 'INSTRUCTOR', 'TRAINEE'] as const) {
      expect(pagesOf(role).some((p) => p.startsWith('/hosts') || p.startsWith('/placements'))).toBe(false);
    }
  });

  it('highlight the placements section on a cohort’s board, and only there', () => {
    const items = NAV_ITEMS.COORDINATOR;
    expect(activeSection(items, '/cohorts/c1/placements')?.page).toBe('placements');
    expect(activeSection(items, '/cohorts/c1')?.page).toBe('cohorts');
    expect(activeSection(items, '/cohorts/c1/import')?.page).toBe('cohorts');
    expect(activeSection(items, '/hosts/h1')?.page).toBe('hosts');
    expect(activeSection(items, '/')?.page).toBe('home');
    expect(activeSection(items, '/nowhere')).toBeNull();
    expect(isInSection(items.find((i) => i.page === 'placements')!, '/cohorts/c1/placementsx')).toBe(false);
  });
});

describe('timetables, attendance and schedules in the navigation', () => {
  it('give staff who plan or teach the sessions, the artisan the register, the trainee the schedule', () => {
    for (const role of ['DIRECTOR', 'COORDINATOR', 'INSTRUCTOR'] as const) {
      expect(pagesOf(role)).toContain('/sessions:sessions');
    }
    expect(pagesOf('NETWORK_ADMIN').some((p) => p.startsWith('/sessions'))).toBe(false);
    expect(pagesOf('HOST_ARTISAN')).toContain('/attendance:hostAttendance');
    expect(pagesOf('TRAINEE')).toContain('/schedule:schedule');
  });

  it('highlight the sessions section on a cohort’s timetable, the cohorts section on its ledger', () => {
    const items = NAV_ITEMS.INSTRUCTOR;
    expect(activeSection(items, '/cohorts/c1/timetable')?.page).toBe('sessions');
    expect(activeSection(items, '/cohorts/c1/ledger')?.page).toBe('cohorts');
    expect(activeSection(items, '/sessions')?.page).toBe('sessions');
  });
});

describe('short trainings in the navigation', () => {
  it('are a section for staff who run or read them, and for nobody else', () => {
    for (const role of ['DIRECTOR', 'COORDINATOR', 'NETWORK_ADMIN', 'INSTRUCTOR'] as const) {
      expect(pagesOf(role)).toContain('/courses:courses');
    }
    for (const role of ['HOST_ARTISAN', 'TRAINEE'] as const) {
      expect(pagesOf(role).some((p) => p.startsWith('/courses'))).toBe(false);
    }
  });

  it('highlight the courses section on a course’s page and on the indicators', () => {
    const items = NAV_ITEMS.DIRECTOR;
    expect(activeSection(items, '/courses/c1')?.page).toBe('courses');
    expect(activeSection(items, '/courses/indicators')?.page).toBe('courses');
    expect(activeSection(items, '/coursesx')).toBeNull();
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

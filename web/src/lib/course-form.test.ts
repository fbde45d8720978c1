// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkCourseForm, courseFormFrom, EMPTY_COURSE, toCourseInput } from './course-form';

describe('the course form', () => {
  it('names what is missing, field by field', () => {
    expect(checkCourseForm(EMPTY_COURSE)).toEqual({
      titleFr: 'errors.REQUIRED',
      trainingLine: 'errors.REQUIRED',
      audience: 'errors.REQUIRED',
      mode: 'errors.REQUIRED',
      capacity: 'errors.REQUIRED',
    });
    expect(checkCourseForm({ ...EMPTY_COURSE, mode: 'IN_PERSON' }).city).toBe('errors.REQUIRED');
    expect(checkCourseForm({ ...EMPTY_COURSE, mode: 'E_LEARNING' }).city).toBeUndefined();
    expect(checkCourseForm({ ...EMPTY_COURSE, capacity: 0 }).capacity).toBe('errors.INVALID_INPUT');
  });

  it('sends a share for the threshold, no city online, and free when the price is empty', () => {
    const input = toCourseInput({
      ...EMPTY_COURSE,
      titleFr: ' Éducation financière ',
      trainingLine: 'Gestion financière',
      audience: 'MICRO_ENTREPRENEURS',
      mode: 'E_LEARNING',
      city: 'Casablanca',
      capacity: 30,
      priceMad: '',
      completionPercent: 75,
      partners: [' UNESCO ', ''],
    });
    expect(input).toMatchObject({
      titleFr: 'Éducation financière',
      city: null,
      priceMad: 0,
      completionThreshold: 0.75,
      partners: ['UNESCO'],
      titleAr: null,
    });
  });

  it('fills in from a stored course and sends back the same values', () => {
    const course = {
      titleFr: 'Design',
      titleAr: 'التصميم',
      trainingLine: 'Création',
      topic: null,
      audience: 'ARTISANS' as const,
      partners: ['UNESCO'],
      mode: 'IN_PERSON' as const,
      city: 'Fès',
      capacity: 12,
      priceMad: 200,
      completionThreshold: 0.8,
    };
    expect(toCourseInput(courseFormFrom(course))).toEqual(course);
  });
});

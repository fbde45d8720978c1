import type {
  AddCourseSessionInput,
  CourseAudience,
  CourseInput,
  CourseMode,
  ErrorCode,
} from '../../graphql/generated/resolvers.js';
import { clean } from '../../lib/text.js';

/** A course's own fields as stored (status is changed by its own mutation). */
export interface NormalizedCourse {
  title_fr: string;
  title_ar: string | null;
  training_line: string;
  topic: string | null;
  audience: CourseAudience;
  partners: string[];
  mode: CourseMode;
  city: string | null;
  capacity: number;
  price_mad: string;
  completion_threshold: string;
}

export interface CourseProblem {
  field: keyof CourseInput;
  code: ErrorCode;
}

export const AUDIENCES: readonly CourseAudience[] = [
  'ARTISANS',
  'MFI_STAFF',
  'MICRO_ENTREPRENEURS',
  'ENTREPRENEURS',
  'TRAINERS',
  'OTHER',
];
export const MODES: readonly CourseMode[] = ['IN_PERSON', 'E_LEARNING', 'BLENDED'];
export const MAX_CAPACITY = 10_000;
const MAX_PARTNERS = 10;
const PARTNER_MAX = 120;
const CITY_MAX = 80;
const TOPIC_MAX = 500;
// price_mad is numeric(10, 2).
const MAX_PRICE = 99_999_999.99;

const lengthIn = (text: string, min: number, max: number) => text.length >= min && text.length <= max;

/** Every problem of every field at once, so the form is fixed in one go. */
export function checkCourse(input: CourseInput): { value: NormalizedCourse | null; errors: CourseProblem[] } {
  const errors: CourseProblem[] = [];
  const fail = (field: keyof CourseInput, code: ErrorCode) => errors.push({ field, code });

  const titleFr = clean(input.titleFr);
  if (titleFr === null) fail('titleFr', 'REQUIRED');
  else if (!lengthIn(titleFr, 2, 160)) fail('titleFr', 'INVALID_INPUT');

  const titleAr = clean(input.titleAr);
  if (titleAr !== null && !lengthIn(titleAr, 2, 160)) fail('titleAr', 'INVALID_INPUT');

  const trainingLine = clean(input.trainingLine);
  if (trainingLine === null) fail('trainingLine', 'REQUIRED');
  else if (!lengthIn(trainingLine, 2, 80)) fail('trainingLine', 'INVALID_INPUT');

  const topic = clean(input.topic);
  if (topic !== null && topic.length > TOPIC_MAX) fail('topic', 'INVALID_INPUT');

  if (!AUDIENCES.includes(input.audience)) fail('audience', 'INVALID_INPUT');
  if (!MODES.includes(input.mode)) fail('mode', 'INVALID_INPUT');

  // The same partner typed twice (or in another case) is listed once.
  const partners: string[] = [];
  const typedPartners = input.partners ?? [];
  if (typedPartners.length > MAX_PARTNERS) fail('partners', 'INVALID_INPUT');
  else {
    for (const typed of typedPartners) {
      const partner = clean(typed);
      if (partner === null || partner.length > PARTNER_MAX) {
        fail('partners', 'INVALID_INPUT');
        break;
      }
      if (!partners.some((p) => p.toLowerCase() === partner.toLowerCase())) partners.push(partner);
    }
  }

  // An e-learning course happens nowhere in particular: a typed city is dropped, not kept stale.
  const typedCity = clean(input.city);
  const city = input.mode === 'E_LEARNING' ? null : typedCity;
  if (input.mode !== 'E_LEARNING' && typedCity === null) fail('city', 'REQUIRED');
  else if (city !== null && city.length > CITY_MAX) fail('city', 'INVALID_INPUT');

  if (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > MAX_CAPACITY)
    fail('capacity', 'INVALID_INPUT');

  const price = input.priceMad ?? 0;
  if (!Number.isFinite(price) || price < 0 || price > MAX_PRICE) fail('priceMad', 'INVALID_INPUT');

  const threshold = input.completionThreshold ?? 0.8;
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1)
    fail('completionThreshold', 'INVALID_INPUT');

  if (errors.length > 0) return { value: null, errors };
  return {
    value: {
      title_fr: titleFr!,
      title_ar: titleAr,
      training_line: trainingLine!,
      topic,
      audience: input.audience,
      partners,
      mode: input.mode,
      city,
      capacity: input.capacity,
      // Numeric columns take exact decimal strings: no binary float reaches the database.
      price_mad: price.toFixed(2),
      completion_threshold: threshold.toFixed(2),
    },
    errors: [],
  };
}

export interface NormalizedSession {
  day: string;
  starts_at: string | null;
  ends_at: string | null;
  days: string;
  hours: string | null;
  place: string | null;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const PLACE_MAX = 160;

/**
 * A session's fields, or its first problem. Without `days`, the length follows the hours (a
 * training-day is 8 hours, counted in half days, at least half a day), or one day.
 */
export function checkSession(input: Omit<AddCourseSessionInput, 'courseId'>): {
  value: NormalizedSession | null;
  error: CourseSessionProblem | null;
} {
  const fail = (field: keyof AddCourseSessionInput, code: ErrorCode) => ({
    value: null,
    error: { field, code },
  });
  const startsAt = clean(input.startsAt);
  const endsAt = clean(input.endsAt);
  if (startsAt !== null && !HH_MM.test(startsAt)) return fail('startsAt', 'INVALID_TIME');
  if (endsAt !== null && !HH_MM.test(endsAt)) return fail('endsAt', 'INVALID_TIME');
  if (startsAt !== null && endsAt !== null && minutesOf(endsAt) <= minutesOf(startsAt))
    return fail('endsAt', 'INVALID_TIME');

  let hours = input.hours ?? null;
  if (hours !== null && (!Number.isFinite(hours) || hours < 0.25 || hours > 24 * 31))
    return fail('hours', 'INVALID_INPUT');
  if (hours === null && startsAt !== null && endsAt !== null)
    hours = (minutesOf(endsAt) - minutesOf(startsAt)) / 60;

  let days = input.days ?? null;
  if (days !== null && (!Number.isFinite(days) || days < 0.5 || days > 31))
    return fail('days', 'INVALID_INPUT');
  if (days === null) days = hours === null ? 1 : Math.min(31, Math.max(0.5, Math.round((hours / 8) * 2) / 2));

  const place = clean(input.place);
  if (place !== null && place.length > PLACE_MAX) return fail('place', 'INVALID_INPUT');

  return {
    value: {
      day: input.day,
      starts_at: startsAt,
      ends_at: endsAt,
      days: days.toFixed(2),
      hours: hours === null ? null : hours.toFixed(2),
      place,
    },
    error: null,
  };
}

export interface CourseSessionProblem {
  field: keyof AddCourseSessionInput;
  code: ErrorCode;
}

import type { CourseAudience, CourseInput, CourseMode } from '../gql/graphql';
import type { MessageId } from '../i18n/messages';

/** What the course form holds: text as typed, '' for "not chosen". */
export interface CourseFormValues {
  titleFr: string;
  titleAr: string;
  trainingLine: string;
  topic: string;
  audience: CourseAudience | '';
  partners: string[];
  mode: CourseMode | '';
  city: string;
  capacity: number | '';
  priceMad: number | '';
  /** In percent as people write it (80), sent as a share (0.8). */
  completionPercent: number | '';
}

/** CourseInput's fields, in the form's order: the API names its errors after them. */
export const COURSE_FIELDS = [
  'titleFr',
  'titleAr',
  'trainingLine',
  'topic',
  'audience',
  'partners',
  'mode',
  'city',
  'capacity',
  'priceMad',
  'completionThreshold',
] as const;

export type CourseField = (typeof COURSE_FIELDS)[number];

export const EMPTY_COURSE: CourseFormValues = {
  titleFr: '',
  titleAr: '',
  trainingLine: '',
  topic: '',
  audience: '',
  partners: [],
  mode: '',
  city: '',
  capacity: '',
  priceMad: 0,
  completionPercent: 80,
};

export function courseFormFrom(course: {
  titleFr: string;
  titleAr?: string | null;
  trainingLine: string;
  topic?: string | null;
  audience: CourseAudience;
  partners: readonly string[];
  mode: CourseMode;
  city?: string | null;
  capacity: number;
  priceMad: number;
  completionThreshold: number;
}): CourseFormValues {
  return {
    titleFr: course.titleFr,
    titleAr: course.titleAr ?? '',
    trainingLine: course.trainingLine,
    topic: course.topic ?? '',
    audience: course.audience,
    partners: [...course.partners],
    mode: course.mode,
    city: course.city ?? '',
    capacity: course.capacity,
    priceMad: course.priceMad,
    completionPercent: Math.round(course.completionThreshold * 100),
  };
}

/** Only what GraphQL itself would refuse, or what is plainly missing; the API checks the rest. */
export function checkCourseForm(values: CourseFormValues): Partial<Record<CourseField, MessageId>> {
  const errors: Partial<Record<CourseField, MessageId>> = {};
  if (!values.titleFr.trim()) errors.titleFr = 'errors.REQUIRED';
  if (!values.trainingLine.trim()) errors.trainingLine = 'errors.REQUIRED';
  if (!values.audience) errors.audience = 'errors.REQUIRED';
  if (!values.mode) errors.mode = 'errors.REQUIRED';
  if (values.mode && values.mode !== 'E_LEARNING' && !values.city.trim()) errors.city = 'errors.REQUIRED';
  if (values.capacity === '') errors.capacity = 'errors.REQUIRED';
  else if (!Number.isInteger(values.capacity) || values.capacity < 1)
    errors.capacity = 'errors.INVALID_INPUT';
  if (values.priceMad !== '' && values.priceMad < 0) errors.priceMad = 'errors.INVALID_INPUT';
  if (values.completionPercent !== '' && (values.completionPercent <= 0 || values.completionPercent > 100))
    errors.completionThreshold = 'errors.INVALID_INPUT';
  return errors;
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The form as the API's CourseInput (call after checkCourseForm found nothing). */
export function toCourseInput(values: CourseFormValues): CourseInput {
  return {
    titleFr: values.titleFr.trim(),
    titleAr: orNull(values.titleAr),
    trainingLine: values.trainingLine.trim(),
    topic: orNull(values.topic),
    audience: values.audience as CourseAudience,
    partners: values.partners.map((p) => p.trim()).filter(Boolean),
    mode: values.mode as CourseMode,
    // An e-learning course has no city: whatever was typed before switching mode is not sent.
    city: values.mode === 'E_LEARNING' ? null : orNull(values.city),
    capacity: Number(values.capacity),
    priceMad: values.priceMad === '' ? 0 : Number(values.priceMad),
    completionThreshold: values.completionPercent === '' ? 0.8 : Number(values.completionPercent) / 100,
  };
}

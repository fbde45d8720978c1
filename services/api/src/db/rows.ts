import type { Selectable } from 'kysely';
import type { DB } from './tables.generated.js';

/** A row as selected from a table: what services return and GraphQL mappers receive. */
export type Row<T extends keyof DB> = Selectable<DB[T]>;

export type TradeRow = Row<'trade'>;
export type ProgrammeRow = Row<'programme'>;
export type CohortRow = Row<'cohort'>;
export type PersonRow = Row<'person'>;
export type EnrollmentRow = Row<'enrollment'>;
export type EnrollmentEventRow = Row<'enrollment_event'>;
export type ApplicantImportRow = Row<'applicant_import'>;
export type HostRow = Row<'host'>;
export type PlacementRow = Row<'placement'>;
export type PlacementEventRow = Row<'placement_event'>;
export type HolidayRow = Row<'holiday'>;
export type ClassSessionRow = Row<'class_session'>;
export type AttendanceRow = Row<'attendance'>;
export type AttendanceEventRow = Row<'attendance_event'>;
export type CalendarFeedRow = Row<'calendar_feed'>;
export type CourseRow = Row<'course'>;
export type CourseSessionRow = Row<'course_session'>;
export type RegistrationRow = Row<'registration'>;
export type CourseAttendanceRow = Row<'course_attendance'>;

import { loaders as attendanceLoaders } from '../modules/attendance/loaders.js';
import * as attendance from '../modules/attendance/resolvers.js';
import { loaders as calendarLoaders } from '../modules/calendar/loaders.js';
import * as calendar from '../modules/calendar/resolvers.js';
import { loaders as callsLoaders } from '../modules/calls/loaders.js';
import * as calls from '../modules/calls/resolvers.js';
import { loaders as certificatesLoaders } from '../modules/certificates/loaders.js';
import * as certificates from '../modules/certificates/resolvers.js';
import { loaders as coursesLoaders } from '../modules/courses/loaders.js';
import * as courses from '../modules/courses/resolvers.js';
import { loaders as enrollmentLoaders } from '../modules/enrollment/loaders.js';
import * as enrollment from '../modules/enrollment/resolvers.js';
import { loaders as followupLoaders } from '../modules/followup/loaders.js';
import * as followup from '../modules/followup/resolvers.js';
import { loaders as graduationLoaders } from '../modules/graduation/loaders.js';
import * as graduation from '../modules/graduation/resolvers.js';
import { loaders as hostsLoaders } from '../modules/hosts/loaders.js';
import * as hosts from '../modules/hosts/resolvers.js';
import * as identity from '../modules/identity/resolvers.js';
import { loaders as importsLoaders } from '../modules/imports/loaders.js';
import * as imports from '../modules/imports/resolvers.js';
import * as indicators from '../modules/indicators/resolvers.js';
import { loaders as peopleLoaders } from '../modules/people/loaders.js';
import * as people from '../modules/people/resolvers.js';
import { loaders as placementsLoaders } from '../modules/placements/loaders.js';
import * as placements from '../modules/placements/resolvers.js';
import { loaders as programmesLoaders } from '../modules/programmes/loaders.js';
import * as programmes from '../modules/programmes/resolvers.js';
import { loaders as reportsLoaders } from '../modules/reports/loaders.js';
import * as reports from '../modules/reports/resolvers.js';
import { loaders as tenancyLoaders } from '../modules/tenancy/loaders.js';
import * as tenancy from '../modules/tenancy/resolvers.js';
import { loaders as timetableLoaders } from '../modules/timetable/loaders.js';
import * as timetable from '../modules/timetable/resolvers.js';
import { loaders as venturesLoaders } from '../modules/ventures/loaders.js';
import * as ventures from '../modules/ventures/resolvers.js';
import { DateScalar, DateTime } from './schema.js';

// Every module's resolvers and loaders, merged type by type. A new module adds one line each.
const moduleResolvers: Record<string, Record<string, unknown>>[] = [
  identity,
  tenancy,
  programmes,
  people,
  enrollment,
  imports,
  hosts,
  placements,
  timetable,
  attendance,
  calendar,
  courses,
  indicators,
  graduation,
  certificates,
  followup,
  reports,
  calls,
  ventures,
];
const moduleLoaders: Record<string, Record<string, unknown>>[] = [
  tenancyLoaders,
  programmesLoaders,
  peopleLoaders,
  enrollmentLoaders,
  importsLoaders,
  hostsLoaders,
  placementsLoaders,
  timetableLoaders,
  attendanceLoaders,
  calendarLoaders,
  coursesLoaders,
  graduationLoaders,
  certificatesLoaders,
  followupLoaders,
  reportsLoaders,
  callsLoaders,
  venturesLoaders,
];

function mergeByType(parts: Record<string, Record<string, unknown>>[]) {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part)) merged[type] = { ...merged[type], ...fields };
  }
  return merged;
}

export const resolvers = { DateTime, Date: DateScalar, ...mergeByType(moduleResolvers) };
export const loaders = mergeByType(moduleLoaders);

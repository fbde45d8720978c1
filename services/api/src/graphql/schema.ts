import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphql } from './graphql-js.js';

const { GraphQLScalarType, Kind } = graphql;

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The base schema plus every module's schema.graphql, in a stable order. */
export function loadTypeDefs(): string {
  const modules = fs
    .readdirSync(path.join(src, 'modules'))
    .sort()
    .map((name) => path.join(src, 'modules', name, 'schema.graphql'))
    .filter((file) => fs.existsSync(file));
  return [path.join(src, 'graphql', 'schema.graphql'), ...modules]
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
}

export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, as an ISO 8601 string in UTC.',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new TypeError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue: (value) => parseInstant(value),
  parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : null),
});

function parseInstant(value: unknown): Date {
  // Instants must say their offset: a bare local time here would be a silent time-zone bug.
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new TypeError('DateTime must be an ISO 8601 instant with an offset, e.g. 2026-10-01T12:00:00Z');
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new TypeError('DateTime must be a valid instant');
  return date;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar day, YYYY-MM-DD, as a timetable writes it (no time zone).',
  serialize: (value) => {
    // pg returns `date` columns as strings (see db/connect.ts); never through a Date and a zone.
    if (typeof value === 'string' && isCalendarDay(value)) return value;
    throw new TypeError(`Date cannot represent ${String(value)}`);
  },
  parseValue: (value) => parseDay(value),
  parseLiteral: (ast) => parseDay(ast.kind === Kind.STRING ? ast.value : null),
});

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDay(value)) {
    throw new TypeError('Date must be a calendar day written YYYY-MM-DD, e.g. 2026-09-15');
  }
  return value;
}

import type { Locale } from './locale';
import ar from './messages/ar.json';
import coursesAr from './messages/courses.ar.json';
import coursesFr from './messages/courses.fr.json';
import fr from './messages/fr.json';
import graduationAr from './messages/graduation.ar.json';
import graduationFr from './messages/graduation.fr.json';
import incubationAr from './messages/incubation.ar.json';
import incubationFr from './messages/incubation.fr.json';
import timetableAr from './messages/timetable.ar.json';
import timetableFr from './messages/timetable.fr.json';

/**
 * Each language's messages come in several files: the base catalogue, and one per area of the app
 * (so that people working on two areas at once do not edit the same file). A key lives in exactly
 * one file; the catalogue of a language is the merge of its files.
 */
export const CATALOGUE_FILES = {
  'ar-MA': {
    base: ar,
    timetable: timetableAr,
    courses: coursesAr,
    graduation: graduationAr,
    incubation: incubationAr,
  },
  'fr-MA': {
    base: fr,
    timetable: timetableFr,
    courses: coursesFr,
    graduation: graduationFr,
    incubation: incubationFr,
  },
} as const;

export type MessageId =
  | keyof typeof fr
  | keyof typeof timetableFr
  | keyof typeof coursesFr
  | keyof typeof graduationFr
  | keyof typeof incubationFr;
export type Catalogue = Record<MessageId, string>;

const merge = (files: Record<string, Record<string, string>>) =>
  Object.assign({}, ...Object.values(files)) as Catalogue;

export const CATALOGUES: Record<Locale, Catalogue> = {
  'ar-MA': merge(CATALOGUE_FILES['ar-MA']),
  'fr-MA': merge(CATALOGUE_FILES['fr-MA']),
};

/** The message for an API error code; codes this client does not know yet get a generic message. */
export function errorMessageId(code: string | null | undefined): MessageId {
  const id = `errors.${code}`;
  return code && id in CATALOGUES['fr-MA'] ? (id as MessageId) : 'errors.UNKNOWN';
}

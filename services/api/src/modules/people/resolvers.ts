import type { PersonRow } from '../../db/rows.js';
import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { toPayload } from '../../graphql/payload.js';
import * as people from './service.js';

// A refused create or update has no duplicates to show, and the list is never null.
const NO_DUPLICATES = { duplicates: [] };

export const Query: QueryResolvers = {
  person: (_root, { id }, ctx) => people.getPerson(ctx, id),
  people: (_root, args, ctx) => people.listPeople(ctx, args),
  possibleDuplicates: (_root, { input }, ctx) => people.possibleDuplicates(ctx, input),
};

export const Mutation: MutationResolvers = {
  createPerson: (_root, { input }, ctx) =>
    toPayload(ctx, () => people.createPerson(ctx, input), NO_DUPLICATES),
  updatePerson: (_root, { input }, ctx) =>
    toPayload(ctx, () => people.updatePerson(ctx, input), NO_DUPLICATES),
  mergePeople: (_root, { input }, ctx) => toPayload(ctx, () => people.mergePeople(ctx, input)),
};

// Column renames and values computed from the row; fields that need the database are loaders.
export const Person = {
  firstNameLatin: (person: PersonRow) => person.first_name_latin,
  lastNameLatin: (person: PersonRow) => person.last_name_latin,
  firstNameAr: (person: PersonRow) => person.first_name_ar,
  lastNameAr: (person: PersonRow) => person.last_name_ar,
  fullName: people.fullName,
  birthDate: (person: PersonRow) => person.birth_date,
  guardianName: (person: PersonRow) => person.guardian_name,
  guardianPhone: (person: PersonRow) => person.guardian_phone,
  schoolLevel: (person: PersonRow) => person.school_level,
  hasDisability: (person: PersonRow) => person.has_disability,
  createdAt: (person: PersonRow) => person.created_at,
};

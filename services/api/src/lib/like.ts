import { type Expression, type SqlBool, sql } from 'kysely';

/** A LIKE pattern matching `text` anywhere: `%`, `_` and `\` typed in a search are letters, not wildcards. */
export const containing = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A search word found anywhere in `value` the way people search: in any case, Arabic with or
 * without hamza, short vowels, ة/ه or ى/ي, Latin with or without accents (both sides go through
 * the database's search_fold, migration 0007).
 */
export function foundIn(value: Expression<string | null>, word: string): Expression<SqlBool> {
  return sql<SqlBool>`search_fold(${value}) like search_fold(${containing(word)})`;
}

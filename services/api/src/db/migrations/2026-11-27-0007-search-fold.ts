import { type Kysely, sql } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.

// What a search should not tell apart. Arabic is typed with or without hamza and short vowels,
// and ة/ه, ى/ي are often swapped: "احمد" must find "أحمد", "فاطمه" must find "فاطمة". Latin names
// and titles are typed without accents on a phone: "leila" must find "Leïla".
const ARABIC_FROM = '\u0623\u0625\u0622\u0671\u0649\u0626\u0624\u0629'; // أ إ آ ٱ ى ئ ؤ ة
const ARABIC_TO = '\u0627\u0627\u0627\u0627\u064A\u064A\u0648\u0647'; //  ا ا ا ا ي ي و ه
const LATIN_FROM = 'àâäáãåèéêëìíîïòóôöõùúûüçñÿ';
const LATIN_TO = 'aaaaaaeeeeiiiiooooouuuucny';
/** Short vowels, shadda, sukun, superscript alef and tatweel: dropped (translate() deletes what has no counterpart). */
const ARABIC_MARKS = `${String.fromCharCode(...Array.from({ length: 8 }, (_, i) => 0x064b + i))}\u0670\u0640`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create function search_fold(value text) returns text
         language sql immutable strict parallel safe
         as $$ select translate(lower(value), '${ARABIC_FROM}${LATIN_FROM}${ARABIC_MARKS}', '${ARABIC_TO}${LATIN_TO}') $$`,
    )
    .execute(db);
  // A person's names as a search sees them (the column was lower() only).
  await sql`alter table person drop column search_text`.execute(db);
  await sql`
    alter table person add column search_text text generated always as (search_fold(
      first_name_latin || ' ' || last_name_latin || ' ' ||
      coalesce(first_name_ar, '') || ' ' || coalesce(last_name_ar, ''))) stored`.execute(db);
}

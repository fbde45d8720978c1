import type { Cache } from '@urql/exchange-graphcache';

// What every area's cache rules (client.ts and the *-cache.ts files) build on.

/** Keys types without an id as parts of their parent (figures, payloads, connections), never entities. */
export const EMBEDDED = () => null;

/** Forgets every cached answer of these root fields, whatever their arguments: the next read refetches. */
export function invalidateRoot(cache: Cache, ...fieldNames: string[]) {
  for (const field of cache.inspectFields('Query')) {
    if (fieldNames.includes(field.fieldName)) cache.invalidate('Query', field.fieldName, field.arguments);
  }
}

/** Forgets these fields of one cached entity, whatever their arguments (nothing when there is no id). */
export function invalidateFields(
  cache: Cache,
  typename: string,
  id: string | null | undefined,
  fields: string[],
) {
  if (!id) return;
  const entity = { __typename: typename, id };
  for (const field of cache.inspectFields(entity)) {
    if (fields.includes(field.fieldName)) cache.invalidate(entity, field.fieldName, field.arguments);
  }
}

/** Whether a mutation's payload says it did something (no typed errors). */
export const succeeded = (result: Record<string, unknown>, field: string) => {
  const payload = result[field] as { errors?: unknown[] } | null | undefined;
  return !!payload && (payload.errors?.length ?? 0) === 0;
};

// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_FILES, CATALOGUES, errorMessageId } from './messages';

const ar: Record<string, string> = CATALOGUES['ar-MA'];
const fr: Record<string, string> = CATALOGUES['fr-MA'];

const argumentsOf = (message: string) => [...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have the same keys in Arabic and French, file by file', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(fr).sort());
    for (const area of Object.keys(CATALOGUE_FILES['fr-MA']) as (keyof (typeof CATALOGUE_FILES)['fr-MA'])[]) {
      expect([area, Object.keys(CATALOGUE_FILES['ar-MA'][area]).sort()]).toEqual([
        area,
        Object.keys(CATALOGUE_FILES['fr-MA'][area]).sort(),
      ]);
    }
  });

  it('give each key to one file only', () => {
    for (const files of Object.values(CATALOGUE_FILES)) {
      const seen = new Map<string, string>();
      for (const [area, messages] of Object.entries(files)) {
        for (const key of Object.keys(messages)) {
          expect([key, seen.get(key)]).toEqual([key, undefined]);
          seen.set(key, area);
        }
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(fr)) {
      expect([key, argumentsOf(ar[key]!)]).toEqual([key, argumentsOf(fr[key]!)]);
    }
  });

  it('give Arabic plurals all six forms', () => {
    for (const message of Object.values(ar).filter((m) => m.includes('plural,'))) {
      for (const form of ['zero', 'one', 'two', 'few', 'many', 'other'])
        expect(message).toContain(`${form} {`);
    }
  });

  it('translate every error code of the API schema', () => {
    const schema = readFileSync(
      fileURLToPath(new URL('../../../services/api/src/graphql/schema.graphql', import.meta.url)),
      'utf8',
    );
    const codes = /enum ErrorCode \{([^}]*)\}/.exec(schema)?.[1]?.match(/[A-Z_]+/g) ?? [];
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) expect(errorMessageId(code)).toBe(`errors.${code}`);
  });

  it('falls back to a generic message for unknown codes', () => {
    expect(errorMessageId('SOMETHING_NEW')).toBe('errors.UNKNOWN');
    expect(errorMessageId(null)).toBe('errors.UNKNOWN');
  });
});

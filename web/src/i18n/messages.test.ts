// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorMessageId } from './messages';
import ar from './messages/ar.json';
import fr from './messages/fr.json';

const argumentsOf = (message: string) => [...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have the same keys in Arabic and French', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(fr).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect([key, argumentsOf(ar[key])]).toEqual([key, argumentsOf(fr[key])]);
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

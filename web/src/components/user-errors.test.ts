import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { mutationErrors, requestErrorId, splitUserErrors } from './user-errors';

describe('splitUserErrors', () => {
  it('puts an error next to the field the API named, translated by code', () => {
    const split = splitUserErrors([{ code: 'INVALID_PHONE', field: 'phone' }], ['phone']);
    expect(split).toEqual({ byField: { phone: 'errors.INVALID_PHONE' }, general: [] });
  });

  it('shows errors without a field, or for a field the form lacks, above the form', () => {
    const split = splitUserErrors(
      [
        { code: 'INVALID_CREDENTIALS', field: null },
        { code: 'TOO_MANY_ATTEMPTS', field: 'ip' },
        { code: 'SOMETHING_NEW' },
      ],
      ['identifier', 'password'],
    );
    expect(split.byField).toEqual({});
    expect(split.general).toEqual([
      'errors.INVALID_CREDENTIALS',
      'errors.TOO_MANY_ATTEMPTS',
      'errors.UNKNOWN',
    ]);
  });
});

describe('requestErrorId', () => {
  it('tells network loss from server errors', () => {
    expect(requestErrorId(new CombinedError({ networkError: new TypeError('Failed to fetch') }))).toBe(
      'errors.NETWORK',
    );
    expect(
      requestErrorId(
        new CombinedError({ graphQLErrors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] }),
      ),
    ).toBe('errors.FORBIDDEN');
    expect(requestErrorId(new CombinedError({ graphQLErrors: [{ message: 'x' }] }))).toBe('errors.UNKNOWN');
  });
});

describe('errors about fields nested in the input', () => {
  it('land on the field the path ends with', () => {
    const split = splitUserErrors(
      [
        { code: 'INVALID_DATE', field: 'person.birthDate' },
        { code: 'INVALID_CIN', field: 'input.person.cin' },
      ],
      ['birthDate', 'cin'],
    );
    expect(split.byField).toEqual({ birthDate: 'errors.INVALID_DATE', cin: 'errors.INVALID_CIN' });
  });
});

describe('mutationErrors', () => {
  it('is null on success, the typed errors on refusal, the request error when there is no payload', () => {
    expect(mutationErrors({ errors: [] }, undefined, [])).toBeNull();
    expect(mutationErrors({ errors: [{ code: 'COHORT_FULL', field: null }] }, undefined, [])).toEqual({
      byField: {},
      general: ['errors.COHORT_FULL'],
    });
    expect(
      mutationErrors(null, new CombinedError({ networkError: new TypeError('Failed to fetch') }), []),
    ).toEqual({ byField: {}, general: ['errors.NETWORK'] });
  });
});

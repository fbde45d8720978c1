import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { sessionProblemOf } from './session-errors';

const withCode = (code: string) =>
  new CombinedError({ graphQLErrors: [{ message: 'x', extensions: { code } }] });

describe('sessionProblemOf', () => {
  it('recognises the codes that mean the person must sign in again', () => {
    expect(sessionProblemOf(withCode('SESSION_EXPIRED'))).toBe('SESSION_EXPIRED');
    expect(sessionProblemOf(withCode('SESSION_REVOKED'))).toBe('SESSION_REVOKED');
    expect(sessionProblemOf(withCode('UNAUTHENTICATED'))).toBe('UNAUTHENTICATED');
  });

  it('ignores other failures', () => {
    expect(sessionProblemOf(withCode('FORBIDDEN'))).toBeNull();
    expect(sessionProblemOf(new CombinedError({ networkError: new Error('offline') }))).toBeNull();
    expect(sessionProblemOf(undefined)).toBeNull();
  });
});

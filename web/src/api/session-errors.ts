import type { CombinedError } from '@urql/core';

export type SessionProblem = 'SESSION_EXPIRED' | 'SESSION_REVOKED' | 'UNAUTHENTICATED';
const SESSION_PROBLEMS: readonly string[] = ['SESSION_EXPIRED', 'SESSION_REVOKED', 'UNAUTHENTICATED'];

/** The error code the API put on a GraphQL error, if any. */
export function errorCodeOf(error: { extensions?: Record<string, unknown> } | undefined): string | null {
  const code = error?.extensions?.code;
  return typeof code === 'string' ? code : null;
}

/** Whether a result failed because the person is no longer (or never was) signed in. */
export function sessionProblemOf(error: CombinedError | undefined | null): SessionProblem | null {
  for (const graphQLError of error?.graphQLErrors ?? []) {
    const code = errorCodeOf(graphQLError);
    if (code && SESSION_PROBLEMS.includes(code)) return code as SessionProblem;
  }
  return null;
}

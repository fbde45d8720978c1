export const SIGN_IN_PATH = '/sign-in';

interface Where {
  pathname: string;
  search?: string;
  hash?: string;
}

/** The sign-in page, remembering where the person was so they come back to it afterwards. */
export function signInPathFor(where: Where, reason?: 'expired'): string {
  const params = new URLSearchParams();
  const back = `${where.pathname}${where.search ?? ''}${where.hash ?? ''}`;
  if (where.pathname !== SIGN_IN_PATH && back !== '/') params.set('next', back);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return query ? `${SIGN_IN_PATH}?${query}` : SIGN_IN_PATH;
}

/**
 * Where to go after signing in. Only a path inside this app: a crafted link must not send a person
 * who just typed their password to another site (`//evil.example`, `/\evil.example`, `https:`).
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === SIGN_IN_PATH || next.startsWith(`${SIGN_IN_PATH}?`)) return '/';
  return next;
}

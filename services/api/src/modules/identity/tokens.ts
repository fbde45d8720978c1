import { createHash, randomBytes, randomInt } from 'node:crypto';

/** An opaque session token: 256 random bits. Only its hash is stored. */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

/** A six-digit sign-in code, as an artisan can read it from an SMS and type it. */
export const newSignInCode = (): string => randomInt(0, 1_000_000).toString().padStart(6, '0');

/** Codes are hashed with their row id, so equal codes never share a hash. */
export const hashSignInCode = (codeId: string, code: string): Buffer =>
  createHash('sha256').update(`${codeId}:${code}`).digest();

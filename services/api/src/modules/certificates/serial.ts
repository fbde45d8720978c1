import { randomBytes } from 'node:crypto';

/*
 * A certificate's serial: MLM-XXXX-XXXX-XXXX-XXXX, sixteen characters of Crockford's base32 (no I,
 * L, O or U, so nothing is misread from paper) drawn from 80 random bits of the operating system's
 * CSPRNG. Nothing in it counts, dates or names anything: holding one serial says nothing about
 * the next, and guessing a valid one among 2^80 is hopeless. Uniqueness is the database's job
 * (unique per tenant and as the primary key of certificate_serial); a collision, about one in a
 * trillion even after a million certificates, fails the issuing transaction rather than sharing a
 * serial.
 */

export const SERIAL_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const PREFIX = 'MLM';
const BODY = 16;
export const SERIAL_PATTERN =
  /^MLM-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

const group = (body: string) => `${PREFIX}-${body.match(/.{4}/g)!.join('-')}`;

export function newSerial(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let body = '';
  for (let i = BODY - 1; i >= 0; i--) body += SERIAL_ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return group(body);
}

// What people type instead (Crockford's reading rules): O for zero, I or L for one.
const ALIASES: Record<string, string> = { O: '0', I: '1', L: '1' };

/**
 * A serial as typed or scanned, in its one stored form, or null when it cannot be one: case,
 * spaces, dashes and the MLM prefix are forgiven, so are O/I/L for 0/1.
 */
export function normalizeSerial(input: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  let compact = input
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '');
  if (compact.length === PREFIX.length + BODY && compact.startsWith(PREFIX))
    compact = compact.slice(PREFIX.length);
  if (compact.length !== BODY) return null;
  const body = [...compact].map((c) => ALIASES[c] ?? c).join('');
  for (const c of body) if (!SERIAL_ALPHABET.includes(c)) return null;
  return group(body);
}

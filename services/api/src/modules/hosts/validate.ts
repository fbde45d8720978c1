import type { ErrorCode, HostInput, HostKind } from '../../graphql/generated/resolvers.js';
import { isUuid } from '../../lib/ids.js';
import { canonicalProvince } from '../../lib/provinces.js';
import { clean } from '../../lib/text.js';
import { normalizePhone } from '../identity/phone.js';

/** A host's own fields as stored (status and history are changed by their own mutations). */
export interface NormalizedHost {
  kind: HostKind;
  name: string;
  name_ar: string | null;
  trade_id: string;
  capacity: number;
  address: string | null;
  province: string;
  contact_name: string | null;
  contact_phone: string | null;
}

export interface HostProblem {
  field: keyof HostInput;
  code: ErrorCode;
}

export const HOST_KINDS: readonly HostKind[] = ['ARTISAN_WORKSHOP', 'COOPERATIVE', 'COMPANY', 'IN_CENTRE'];
export const MAX_CAPACITY = 200;
const NAME_MAX = 120;
const PROVINCE_MAX = 80;
const ADDRESS_MAX = 200;
const ARABIC = /\p{Script=Arabic}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * Every problem of every field at once, so a coordinator fixes the form in one go. Whether the
 * trade exists is the caller's to check (it needs the tenant's transaction); a trade id that is not
 * even a UUID is reported here as NOT_FOUND, the same answer.
 */
export function checkHost(input: HostInput): { value: NormalizedHost | null; errors: HostProblem[] } {
  const errors: HostProblem[] = [];
  const fail = (field: keyof HostInput, code: ErrorCode) => errors.push({ field, code });

  if (!HOST_KINDS.includes(input.kind)) fail('kind', 'INVALID_INPUT');

  const name = clean(input.name);
  if (name === null) fail('name', 'REQUIRED');
  else if (name.length < 2 || name.length > NAME_MAX) fail('name', 'INVALID_INPUT');

  // The Arabic name is how the artisan's own screen shows the workshop: Arabic script only.
  const nameAr = clean(input.nameAr);
  if (
    nameAr !== null &&
    (nameAr.length < 2 || nameAr.length > NAME_MAX || !ARABIC.test(nameAr) || LATIN.test(nameAr))
  )
    fail('nameAr', 'INVALID_INPUT');

  if (!isUuid(input.tradeId)) fail('tradeId', 'NOT_FOUND');

  if (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > MAX_CAPACITY)
    fail('capacity', 'INVALID_INPUT');

  // Recognised provinces are stored in their usual spelling, so filters and distances agree.
  const typedProvince = clean(input.province);
  if (typedProvince === null) fail('province', 'REQUIRED');
  else if (typedProvince.length > PROVINCE_MAX) fail('province', 'INVALID_INPUT');
  const province = typedProvince === null ? null : canonicalProvince(typedProvince);

  const address = clean(input.address);
  if (address !== null && address.length > ADDRESS_MAX) fail('address', 'INVALID_INPUT');

  const contactName = clean(input.contactName);
  if (contactName !== null && contactName.length > NAME_MAX) fail('contactName', 'INVALID_INPUT');

  const typedPhone = clean(input.contactPhone);
  const contactPhone = typedPhone === null ? null : normalizePhone(typedPhone);
  if (typedPhone !== null && contactPhone === null) fail('contactPhone', 'INVALID_PHONE');

  if (errors.length > 0) return { value: null, errors };
  return {
    value: {
      kind: input.kind,
      name: name!,
      name_ar: nameAr,
      trade_id: input.tradeId,
      capacity: input.capacity,
      address,
      province: province!,
      contact_name: contactName,
      contact_phone: contactPhone,
    },
    errors,
  };
}

/** A person's name as typed for a new account: trimmed, 2–120 characters. */
export function checkDisplayName(value: string): string | null {
  const name = clean(value);
  return name !== null && name.length >= 2 && name.length <= NAME_MAX ? name : null;
}

/** A reason for pausing or closing: trimmed, 2–300 characters; blank is none. */
export function checkReason(value: string | null | undefined): { reason: string | null; valid: boolean } {
  const reason = clean(value);
  return { reason, valid: reason === null || (reason.length >= 2 && reason.length <= 300) };
}

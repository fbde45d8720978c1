import type { PersonRow } from '../../db/rows.js';
import type { Tx } from '../../db/with-tenant.js';
import { enqueueMessage } from '../outbox/service.js';

// What a host artisan reads on a basic phone: one short text in Arabic and French (the artisan
// may read either), naming the trainee by first name only and the dates. Never a CIN, a birth date
// or anyone's phone number: an SMS is read by whoever holds the phone.

/** 2026-10-05 → 05/10/2026, the way a Moroccan calendar writes a day. */
const dayOf = (date: string) => date.split('-').reverse().join('/');

interface Proposal {
  starts_on: string;
  ends_on: string;
}

type Trainee = Pick<PersonRow, 'first_name_latin' | 'first_name_ar'>;

export function proposalText(trainee: Trainee, placement: Proposal): string {
  const [from, to] = [dayOf(placement.starts_on), dayOf(placement.ends_on)];
  const nameAr = trainee.first_name_ar ?? trainee.first_name_latin;
  return (
    `معلم: نقترح عليكم المتدرب(ة) ${nameAr} من ${from} إلى ${to}. المرجو القبول أو الرفض في معلم.\n` +
    `Maalem : stagiaire proposé(e) ${trainee.first_name_latin} du ${from} au ${to}. Acceptez ou refusez dans Maalem.`
  );
}

export function reminderText(trainee: Trainee, placement: Proposal): string {
  const [from, to] = [dayOf(placement.starts_on), dayOf(placement.ends_on)];
  const nameAr = trainee.first_name_ar ?? trainee.first_name_latin;
  return (
    `معلم: تذكير، اقتراح ${nameAr} (${from} - ${to}) ينتظر ردكم في معلم.\n` +
    `Maalem : rappel, la proposition pour ${trainee.first_name_latin} (${from} - ${to}) attend votre réponse dans Maalem.`
  );
}

/**
 * Phones of the host artisans who answer for a host (membership role HOST_ARTISAN with this
 * host_id), enabled accounts only. The membership and user tables belong to the identity and
 * tenancy modules, which have no read of this shape; it is one narrow select.
 */
async function artisanPhones(tx: Tx, hostId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('membership as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select('u.phone')
    .distinct()
    .where('m.host_id', '=', hostId)
    .where('m.role', '=', 'HOST_ARTISAN')
    .where('u.disabled_at', 'is', null)
    .where('u.phone', 'is not', null)
    .orderBy('u.phone')
    .execute();
  return rows.map((r) => r.phone!);
}

/** Queues one SMS to every artisan of the host, in the caller's transaction. Returns how many. */
export async function textArtisans(
  tx: Tx,
  hostId: string,
  template: 'placement_proposed' | 'placement_reminder',
  body: string,
): Promise<number> {
  const phones = await artisanPhones(tx, hostId);
  for (const recipient of phones) await enqueueMessage(tx, { channel: 'SMS', recipient, template, body });
  return phones.length;
}

import { sql } from 'kysely';
import type { OutcomeRow } from '../../db/rows.js';
import type { Tx } from '../../db/with-tenant.js';
import { newFeedToken, parseFeedToken } from '../calendar/token.js';
import { enqueueMessage } from '../outbox/service.js';
import type { TenantRow } from '../tenancy/service.js';

/** How long a graduate's one-time link works after it was sent. */
export const LINK_DAYS = 30;

// The link's token is built like a calendar feed's: `<tenantId>.<secret>`, only its hash stored,
// so the public page knows which tenant's transaction to open and the database holds no working link.
export const parseLinkToken = parseFeedToken;

export const followUpUrl = (publicUrl: string, token: string) => `${publicUrl}/follow-up/${token}`;

/**
 * The text a graduate receives, in the centre's language (Arabic unless the centre writes French):
 * short, no name, nothing the person holding the phone should not read.
 */
export function linkText(locale: string, months: number, url: string): string {
  if (locale.startsWith('fr')) {
    const when =
      months === 0 ? 'Félicitations pour votre diplôme !' : `${months} mois après votre formation,`;
    return `Maalem : ${when} où en êtes-vous ? Répondez ici : ${url}`;
  }
  const when =
    months === 0
      ? 'مبروك التخرج!'
      : months === 12
        ? 'مرت سنة على تخرجكم.'
        : months === 24
          ? 'مرت سنتان على تخرجكم.'
          : `مرت ${months} أشهر على تخرجكم.`;
  return `معلم: ${when} أخبرونا بوضعكم المهني: ${url}`;
}

/**
 * Gives the wave a new one-time link (an earlier one stops working: only the newest hash is kept)
 * and queues its SMS, in the caller's transaction. The caller has checked the phone.
 */
export async function sendLink(
  tx: Tx,
  tenant: Pick<TenantRow, 'id' | 'locale'>,
  outcome: Pick<OutcomeRow, 'id' | 'months_after_graduation'>,
  phone: string,
  publicUrl: string,
): Promise<OutcomeRow> {
  const { token, hash } = newFeedToken(tenant.id);
  const updated = await tx
    .updateTable('outcome')
    .set({
      link_secret_hash: hash,
      link_sent_at: sql<Date>`now()`,
      link_expires_at: sql<Date>`now() + make_interval(days => ${LINK_DAYS})`,
    })
    .where('id', '=', outcome.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await enqueueMessage(tx, {
    channel: 'SMS',
    recipient: phone,
    template: 'follow_up_link',
    body: linkText(tenant.locale, outcome.months_after_graduation, followUpUrl(publicUrl, token)),
  });
  return updated;
}

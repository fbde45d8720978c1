import { sql } from 'kysely';
import type { Database } from '../../db/connect.js';
import { type Tx, withUser } from '../../db/with-tenant.js';
import { newId } from '../../lib/ids.js';
import type { DeliveryAdapter, OutgoingMessage } from './delivery.js';

/** Queues a message in the caller's transaction: it is sent only if that transaction commits. */
export async function enqueueMessage(tx: Tx, message: Omit<OutgoingMessage, 'id'>): Promise<void> {
  await tx
    .insertInto('outbox_message')
    .values({ id: newId(), ...message })
    .execute();
}

const MAX_ATTEMPTS = 8;

/**
 * Delivers up to `limit` due messages. Rows are locked with SKIP LOCKED, so several workers never
 * send the same message twice; a failure is retried later with exponential back-off.
 */
export async function deliverPending(db: Database, adapter: DeliveryAdapter, limit = 20): Promise<number> {
  return withUser(db, null, async (tx) => {
    const due = await tx
      .selectFrom('outbox_message')
      .select(['id', 'channel', 'recipient', 'template', 'body', 'attempts'])
      .where('sent_at', 'is', null)
      .where('available_at', '<=', new Date())
      .where('attempts', '<', MAX_ATTEMPTS)
      .orderBy('available_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const message of due) {
      try {
        await adapter.deliver({ ...message, channel: message.channel as OutgoingMessage['channel'] });
        await tx
          .updateTable('outbox_message')
          .set({ sent_at: new Date() })
          .where('id', '=', message.id)
          .execute();
      } catch (error) {
        await tx
          .updateTable('outbox_message')
          .set({
            attempts: message.attempts + 1,
            last_error: String(error).slice(0, 500),
            available_at: sql<Date>`now() + make_interval(secs => ${2 ** message.attempts * 30})`,
          })
          .where('id', '=', message.id)
          .execute();
      }
    }
    return due.length;
  });
}

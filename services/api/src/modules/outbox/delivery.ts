import type { FastifyBaseLogger } from 'fastify';

export interface OutgoingMessage {
  id: string;
  channel: 'SMS' | 'EMAIL';
  recipient: string;
  template: string;
  body: string;
}

/** Hands a message to whatever carries it (an SMS gateway, a mail server). Throws when it could not. */
export interface DeliveryAdapter {
  deliver(message: OutgoingMessage): Promise<void>;
}

/** Development: messages are written to the log, where a developer reads the sign-in code. */
export function logDelivery(log: FastifyBaseLogger): DeliveryAdapter {
  return {
    async deliver(message) {
      log.info(
        { channel: message.channel, to: message.recipient, template: message.template },
        `[outbox] ${message.channel} to ${message.recipient}: ${message.body}`,
      );
    },
  };
}

/** Keeps delivered messages in memory, newest last: for tests and for a demo without a gateway. */
export function memoryDelivery(): DeliveryAdapter & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    sent,
    async deliver(message) {
      sent.push(message);
    },
  };
}

import type { FastifyReply } from 'fastify';
import type { MercuriusContext } from 'mercurius';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import type { PdfRenderer } from '../lib/pdf.js';
import type { DeliveryAdapter } from '../modules/outbox/delivery.js';
import type { Locale } from './messages.js';

/** What the whole service is built from; one per process. */
export interface AppDeps {
  db: Database;
  config: Config;
  delivery: DeliveryAdapter;
  /** Certificates and reports as PDF (Chromium, started on first use). */
  pdf: PdfRenderer;
}

/** Who is calling, as far as the session cookie or bearer token says. */
export interface AuthState {
  userId: string | null;
  sessionId: string | null;
  /** A token was sent but cannot be used: the client should send the person back to sign-in. */
  problem: 'SESSION_EXPIRED' | 'SESSION_REVOKED' | null;
}

export interface Context extends MercuriusContext {
  deps: AppDeps;
  reply: FastifyReply;
  requestId: string;
  ip: string;
  userAgent: string | null;
  locale: Locale;
  auth: AuthState;
  /** The tenant the request asks to act in (header `x-tenant-id`); not yet checked. */
  requestedTenantId: string | null;
}

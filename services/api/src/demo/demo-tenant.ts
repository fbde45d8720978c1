import type { Database } from '../db/connect.js';

/** The password of every demo account that signs in with one (listed at start and on the sign-in page). */
export const DEMO_PASSWORD = 'Maalem-demo-2026';

export interface DemoAccount {
  who: string;
  signIn: string;
  secret: string;
}

/** What a per-area demo loader gets: its tenant, the director, and where to list extra accounts. */
export interface DemoTenant {
  owner: Database;
  tenantId: string;
  slug: string;
  directorId: string;
  /** Hash of the demo password, for any extra account that signs in with it. */
  passwordHash: string;
  accounts: DemoAccount[];
}

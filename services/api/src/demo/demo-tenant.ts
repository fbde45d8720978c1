import type { Database } from '../db/connect.js';

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

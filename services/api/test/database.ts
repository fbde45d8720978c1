import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { withClient } from '../src/db/cluster.js';
import { connect, type Database, withCredentials } from '../src/db/connect.js';
import { OWNER_ROLE, SERVICE_ROLE } from '../src/db/provision.js';

export interface TestDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  /** Connected as the schema owner (RLS is forced on it too). For arranging and inspecting. */
  owner: Database;
  drop(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated template: nothing is shared. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const cluster = inject('cluster');
  const name = `maalem_test_${randomBytes(6).toString('hex')}`;
  await withClient(cluster.adminUrl, async (client) => {
    // Cloning locks the template; files starting together take turns.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`create database ${name} template ${cluster.template} owner ${OWNER_ROLE}`);
        return;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
  const ownerUrl = withCredentials(cluster.adminUrl, OWNER_ROLE, cluster.ownerPassword, name);
  const appUrl = withCredentials(cluster.adminUrl, SERVICE_ROLE, cluster.appPassword, name);
  const owner = connect(ownerUrl, { max: 2 });
  return {
    name,
    ownerUrl,
    appUrl,
    owner,
    drop: async () => {
      await owner.destroy();
      await withClient(cluster.adminUrl, (client) =>
        client.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import { ensureDatabase, ensureLoginRole, newPassword, withClient } from './cluster.js';
import { connect, userOf, withCredentials } from './connect.js';
import { startEmbeddedPostgres } from './embedded.js';
import { grantServiceRole, migrateToLatest } from './migrate.js';

export const OWNER_ROLE = 'maalem_owner';
export const SERVICE_ROLE = 'maalem_app';

export interface ProvisionedDatabase {
  /** Owns the schema; runs migrations and the demo seed. */
  ownerUrl: string;
  /** The service's role: owns nothing, cannot bypass row-level security. */
  appUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * Finds or makes the database the service runs on: the embedded PostgreSQL under DATA_DIR when no
 * DATABASE_URL is set, otherwise the given server. Both roles exist when this returns.
 */
export async function provisionDatabase(
  config: Config,
  onLog?: (line: string) => void,
): Promise<ProvisionedDatabase> {
  if (!config.databaseUrl) {
    const server = await startEmbeddedPostgres({
      dir: config.dataDir,
      port: config.embeddedPgPort,
      persistent: true,
      onLog,
    });
    const secrets = loadOrCreateSecrets(path.join(config.dataDir, 'roles.json'));
    await ensureLoginRole(server.adminUrl, OWNER_ROLE, secrets.owner, 'owner');
    await ensureLoginRole(server.adminUrl, SERVICE_ROLE, secrets.app, 'service');
    await ensureDatabase(server.adminUrl, 'maalem', OWNER_ROLE);
    return {
      ownerUrl: withCredentials(server.adminUrl, OWNER_ROLE, secrets.owner, 'maalem'),
      appUrl: withCredentials(server.adminUrl, SERVICE_ROLE, secrets.app, 'maalem'),
      embedded: true,
      stop: () => server.stop(),
    };
  }
  let appUrl = config.appDatabaseUrl;
  if (!appUrl) {
    // Convenience for a single instance: the owner creates the service role with a fresh password.
    // Several instances, or an owner without CREATEROLE, should set APP_DATABASE_URL instead.
    const password = newPassword();
    try {
      await ensureLoginRole(config.databaseUrl, SERVICE_ROLE, password, 'service');
    } catch (error) {
      throw new Error(
        `Could not create the service role "${SERVICE_ROLE}" with DATABASE_URL's user (${String(error)}). ` +
          'Create a login role that owns nothing and set APP_DATABASE_URL to it.',
      );
    }
    appUrl = withCredentials(config.databaseUrl, SERVICE_ROLE, password);
  }
  return { ownerUrl: config.databaseUrl, appUrl, embedded: false, stop: async () => {} };
}

/** Migrates as the owner and grants the service role what it needs on the resulting tables. */
export async function prepareSchema(ownerUrl: string, appUrl: string): Promise<string[]> {
  const owner = connect(ownerUrl, {
    max: 1,
    applicationName: 'maalem-migrate',
  }) as unknown as Kysely<unknown>;
  try {
    const applied = await migrateToLatest(owner);
    await grantServiceRole(owner, userOf(appUrl));
    return applied;
  } finally {
    await owner.destroy();
  }
}

/** Refuses to run the service as a role that could see past row-level security. */
export async function assertServiceRoleIsUnprivileged(appUrl: string): Promise<void> {
  await withClient(appUrl, async (client) => {
    const { rows } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
      `select r.rolsuper, r.rolbypassrls,
              (select count(*)::int from pg_class c where c.relowner = r.oid and c.relnamespace = 'public'::regnamespace) as owned
         from pg_roles r where r.rolname = current_user`,
    );
    const role = rows[0];
    if (!role || role.rolsuper || role.rolbypassrls || role.owned > 0) {
      throw new Error(
        'The service database role must not be a superuser, must not have BYPASSRLS and must own no table.',
      );
    }
  });
}

function loadOrCreateSecrets(file: string): { owner: string; app: string } {
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const secrets = { owner: newPassword(), app: newPassword() };
  fs.writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

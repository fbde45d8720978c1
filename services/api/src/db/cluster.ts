import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Server-level set-up that migrations cannot do: login roles and the database. Needs a connection
 * that may create roles and databases (the embedded server's superuser, or a cluster admin).
 */
export async function ensureLoginRole(
  adminUrl: string,
  role: string,
  password: string,
  rights: 'owner' | 'service',
): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    const verb = exists.rowCount ? 'alter' : 'create';
    // The service role can never bypass row-level security nor create anything.
    const attributes =
      rights === 'service'
        ? 'login nosuperuser nobypassrls nocreatedb nocreaterole noinherit'
        : 'login nosuperuser nobypassrls nocreaterole';
    await client.query(
      `${verb} role ${pg.escapeIdentifier(role)} with ${attributes} password ${pg.escapeLiteral(password)}`,
    );
  });
}

export async function ensureDatabase(adminUrl: string, name: string, owner: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!exists.rowCount) {
      await client.query(`create database ${pg.escapeIdentifier(name)} owner ${pg.escapeIdentifier(owner)}`);
    }
  });
}

export function newPassword(): string {
  return randomBytes(18).toString('base64url');
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

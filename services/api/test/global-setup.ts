import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureLoginRole, newPassword, withClient } from '../src/db/cluster.js';
import { withCredentials } from '../src/db/connect.js';
import { type EmbeddedServer, startEmbeddedPostgres } from '../src/db/embedded.js';
import { OWNER_ROLE, prepareSchema, SERVICE_ROLE } from '../src/db/provision.js';
import { freePort } from '../src/lib/free-port.js';

export interface TestCluster {
  adminUrl: string;
  template: string;
  ownerPassword: string;
  appPassword: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    cluster: TestCluster;
  }
}

/**
 * Starts one real PostgreSQL for the whole run (embedded, or the server at DATABASE_URL, which
 * must be allowed to create roles and databases) and migrates a template database once.
 */
export default async function setup(project: TestProject) {
  let server: EmbeddedServer | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    server = await startEmbeddedPostgres({
      dir: fs.mkdtempSync(path.join(os.tmpdir(), 'maalem-test-pg-')),
      port: await freePort(),
      persistent: false,
    });
    adminUrl = server.adminUrl;
  }
  const cluster: TestCluster = {
    adminUrl,
    template: `maalem_template_${process.pid}`,
    ownerPassword: newPassword(),
    appPassword: newPassword(),
  };
  await ensureLoginRole(adminUrl, OWNER_ROLE, cluster.ownerPassword, 'owner');
  await ensureLoginRole(adminUrl, SERVICE_ROLE, cluster.appPassword, 'service');
  await withClient(adminUrl, async (client) => {
    await client.query(`drop database if exists ${cluster.template}`);
    await client.query(`create database ${cluster.template} owner ${OWNER_ROLE}`);
  });
  await prepareSchema(
    withCredentials(adminUrl, OWNER_ROLE, cluster.ownerPassword, cluster.template),
    withCredentials(adminUrl, SERVICE_ROLE, cluster.appPassword, cluster.template),
  );
  project.provide('cluster', cluster);

  return async () => {
    await withClient(adminUrl, (client) => client.query(`drop database if exists ${cluster.template}`)).catch(
      () => {},
    );
    await server?.stop();
  };
}

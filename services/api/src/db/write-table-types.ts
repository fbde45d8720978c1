// `pnpm db:types`: migrates a throw-away embedded PostgreSQL and writes tables.generated.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import { freePort } from '../lib/free-port.js';
import { connect } from './connect.js';
import { startEmbeddedPostgres } from './embedded.js';
import { migrateToLatest } from './migrate.js';
import { renderTableTypes } from './table-types.js';

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tables.generated.ts');
const server = await startEmbeddedPostgres({
  dir: fs.mkdtempSync(path.join(os.tmpdir(), 'maalem-types-')),
  port: await freePort(),
  persistent: false,
});
const db = connect(server.adminUrl) as unknown as Kysely<unknown>;
try {
  await migrateToLatest(db);
  fs.writeFileSync(target, await renderTableTypes(db));
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
} finally {
  await db.destroy();
  await server.stop();
}

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

export const CHROMIUM = '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: { skip: true; reason: string } | { skip: false; baseUrl: string; logFile: string };
  }
}

const webDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = path.resolve(webDir, '..');

/**
 * Builds the client, then starts the real service (its own embedded PostgreSQL in a temporary
 * directory, free ports, production mode so it serves web/dist) for the browser tests.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    const reason = `${CHROMIUM} not found: install it with \`apt-get install -y chromium fonts-noto-core\``;
    if (process.env.CI === 'true') throw new Error(`Browser tests must run in CI, but ${reason}`);
    console.warn(`\n[e2e] Skipping browser tests: ${reason}.\n`);
    project.provide('e2e', { skip: true, reason });
    return;
  }

  // The build users get: vitest runs with NODE_ENV=test, which would make Vite bundle React's
  // development build (60 % more to download, and slower) if the child inherited it.
  const build = spawnSync(path.join(webDir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: webDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('vite build failed');

  const dataDir = mkdtempSync(path.join(tmpdir(), 'maalem-e2e-'));
  // As root, the embedded PostgreSQL runs as its own user: it must be able to reach its directory.
  chmodSync(dataDir, 0o755);
  const logFile = path.join(dataDir, 'server.log');
  const [port, pgPort] = [await freePort(), await freePort()];
  const entry = process.env.MAALEM_API_ENTRY ?? path.join(repoRoot, 'services/api/src/main.ts');
  const server = spawn(path.join(repoRoot, 'services/api/node_modules/.bin/tsx'), [entry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: path.join(dataDir, 'pg'),
      LOG_LEVEL: 'info',
      // Every browser test signs the same demo artisan and trainee in by SMS code, all from 127.0.0.1:
      // more than the 3 codes per phone (10 per address) in 15 minutes a real person may ask for.
      AUTH_RATE_LIMIT_FACTOR: '5',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcess(server);
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForReady(baseUrl, server, logFile);
    const page = await fetch(`${baseUrl}/sign-in`);
    const html = await page.text();
    if (!page.ok || !html.includes('id="root"')) {
      throw new Error(
        `${baseUrl}/sign-in did not return the client (HTTP ${page.status}). Does app.ts call serveClient() in production?`,
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  project.provide('e2e', { skip: false, baseUrl, logFile });
  return stop;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForReady(baseUrl: string, server: ChildProcess, logFile: string) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(
        `The API exited (${server.exitCode}) while starting:\n${readFileSync(logFile, 'utf8').slice(-4000)}`,
      );
    }
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The API did not become ready:\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

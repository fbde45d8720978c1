import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/demo/seed.js';
import { freePort } from '../src/lib/free-port.js';

// The README's start command, as a person runs it: main.ts on a real port with an embedded
// PostgreSQL under DATA_DIR, demo data, and a clean stop on SIGTERM.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maalem-start-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

interface Running {
  url: string;
  output: () => string;
  stop(): Promise<number | null>;
}

async function start(): Promise<Running> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Maalem is running')) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`main.ts exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the responses are checked by assertions, not by types.
async function graphql(url: string, query: string, token?: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

const SIGN_IN = `mutation { signInWithPassword(input: { identifier: "directeur.fes@demo.maalem.ma", password: "${DEMO_PASSWORD}", returnToken: true }) { token errors { code } } }`;

describe('the start command', () => {
  it('starts on an embedded PostgreSQL with demo data; a director signs in and `me` answers over HTTP', async () => {
    const first = await start();
    try {
      expect(first.output()).toContain('directeur.fes@demo.maalem.ma');
      expect(await (await fetch(`${first.url}/health/ready`)).json()).toEqual({ status: 'ok' });
      const signedIn = await graphql(first.url, SIGN_IN);
      expect(signedIn.data.signInWithPassword.errors).toEqual([]);
      const me = await graphql(
        first.url,
        `{ me { displayName memberships { role tenant { city kind } } } }`,
        signedIn.data.signInWithPassword.token,
      );
      expect(me.data.me).toEqual({
        displayName: 'Direction — Fès',
        memberships: [{ role: 'DIRECTOR', tenant: { city: 'Fès', kind: 'CRAFT_CENTRE' } }],
      });
    } finally {
      expect(await first.stop(), first.output()).toBe(0);
    }

    // The data survives a restart, and the demo is not loaded twice.
    const second = await start();
    try {
      expect(second.output()).not.toContain('demo data loaded');
      const signedIn = await graphql(second.url, SIGN_IN);
      expect(signedIn.data.signInWithPassword.errors).toEqual([]);
    } finally {
      expect(await second.stop(), second.output()).toBe(0);
    }
  }, 120_000);
});

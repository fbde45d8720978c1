import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveClient } from './serve-client.js';

// A stand-in build: the real one comes from vite, which these API tests do not run.
const dist = mkdtempSync(path.join(tmpdir(), 'maalem-dist-'));
const app = Fastify({ logger: false });

beforeAll(async () => {
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(path.join(dist, 'assets', 'main-abc123.js'), 'console.log(1)');
  app.post('/graphql', async () => ({ data: null }));
  await serveClient(app, dist);
});
afterAll(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('serving the web client', () => {
  it('answers any page path with index.html, never cached', async () => {
    for (const url of [
      '/',
      '/sign-in?next=%2Fmembers',
      '/members',
      // A graduate's one-time link: its token has a dot, it is still a page.
      '/follow-up/01a21d1c-5625-7242-8326-c4ad5235e022.6ZsddW6aUQShu6LsMjvbDyyq4r6xkSkg3Ua6RSirQSs',
      '/verify/MLM-C60C-ZMWB-ZH66-5RAS',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('id="root"');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache and gives missing files a real 404', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
  });

  it('never answers an API path or a non-GET request with the page', async () => {
    for (const [method, url] of [
      ['GET', '/graphql/x'],
      ['GET', '/health/unknown'],
      ['POST', '/members'],
    ] as const) {
      const response = await app.inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.body).not.toContain('id="root"');
    }
  });

  it('does nothing when the client is not built', async () => {
    const bare = Fastify({ logger: false });
    await serveClient(bare, path.join(dist, 'nowhere'));
    expect((await bare.inject({ method: 'GET', url: '/' })).statusCode).toBe(404);
    await bare.close();
  });
});

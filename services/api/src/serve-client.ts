import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `pnpm --filter @maalem/web build` writes the client. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

// Paths that belong to the API: never answered with the client's index.html.
const API_PREFIXES = ['/graphql', '/health/'];
// Public pages whose last segment may hold a dot: a follow-up link's token is `<tenant>.<secret>`.
const PAGE_PREFIXES = ['/follow-up/', '/verify/'];

/**
 * Serves the built web client (web/dist) from the API's own origin, so one port gives the whole
 * product and the session cookie and CSRF rules need no cross-origin exceptions. Unknown GET paths
 * that are not API paths get index.html: the client's router owns them. Without a build (API-only
 * development, tests) this does nothing.
 */
export async function serveClient(app: FastifyInstance, distDir: string): Promise<void> {
  const root = path.resolve(distDir);
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.info({ distDir: root }, 'web client not built: serving the API only');
    return;
  }

  await app.register(fastifyStatic, {
    root,
    index: false,
    wildcard: false,
    // Hashed asset names change with their content: cache them for good; index.html never.
    setHeaders(reply, filePath) {
      reply.header(
        'cache-control',
        filePath.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });

  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const isApi = API_PREFIXES.some(
      (prefix) => pathname === prefix.replace(/\/$/, '') || pathname.startsWith(prefix),
    );
    const wantsPage = request.method === 'GET' || request.method === 'HEAD';
    // A missing asset (/assets/x.js, /favicon.ico) is a real 404, not the page.
    const looksLikeFile =
      /\.[a-z0-9]+$/i.test(pathname) && !PAGE_PREFIXES.some((prefix) => pathname.startsWith(prefix));
    if (isApi || !wantsPage || looksLikeFile) {
      return reply
        .code(404)
        .send({ message: `Route ${request.method}:${pathname} not found`, statusCode: 404 });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

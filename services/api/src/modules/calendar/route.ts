import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../graphql/context.js';
import { renderFeed } from './service.js';

const SUFFIX = '.ics';

/**
 * GET /calendar/<token>.ics: the trainee's feed for phone calendars, which subscribe without a
 * login or a tenant header (the token names both). Every kind of failure answers the same empty
 * 404. The token is a password: this route's request logs show the path without it.
 */
export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const { db } = (app as FastifyInstance & { deps: AppDeps }).deps;
  app.get<{ Params: { file: string } }>(
    '/calendar/:file',
    { logSerializers: { req: redactedRequest } },
    async (request, reply) => {
      const { file } = request.params;
      const body = file.endsWith(SUFFIX) ? await renderFeed(db, file.slice(0, -SUFFIX.length)) : null;
      if (body === null) {
        return reply.code(404).type('text/plain; charset=utf-8').header('cache-control', 'no-store').send('');
      }
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="maalem.ics"')
        .header('x-robots-tag', 'noindex')
        .send(body);
    },
  );
}

function redactedRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: `/calendar/…${SUFFIX}`,
    host: request.host,
    remoteAddress: request.ip,
  };
}

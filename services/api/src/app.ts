import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import mercurius from 'mercurius';
import type { Config } from './config.js';
import { connect, type Database } from './db/connect.js';
import type { AppDeps, Context } from './graphql/context.js';
import { formatErrors } from './graphql/format-errors.js';
import { graphql } from './graphql/graphql-js.js';
import { maxAliasesRule, maxDirectivesRule, QUERY_LIMITS } from './graphql/limits.js';
import { pickLocale } from './graphql/messages.js';
import { loaders, resolvers } from './graphql/modules.js';
import { loadTypeDefs } from './graphql/schema.js';
import { newId } from './lib/ids.js';
import { createPdfRenderer } from './lib/pdf.js';
import { calendarRoutes } from './modules/calendar/route.js';
import { resolveSession, SESSION_COOKIE } from './modules/identity/sessions.js';
import { type DeliveryAdapter, logDelivery } from './modules/outbox/delivery.js';
import { serveClient } from './serve-client.js';

export interface AppOptions {
  config: Config;
  /** The service role's connection URL (never the owner's). */
  appDatabaseUrl: string;
  delivery?: DeliveryAdapter;
  logger?: FastifyServerOptions['logger'];
  /** The built web client to serve from the same origin (main.ts passes web/dist; tests usually don't). */
  webDistDir?: string;
  /** Told of every SQL statement the service sends (tests count them; see db/connect.ts). */
  onQuery?: (sql: string) => void;
}

export type App = FastifyInstance & { deps: AppDeps };

/** Room for a 5 MB file in base64 (4/3 of it) plus the rest of the request. */
export const GRAPHQL_BODY_LIMIT = 8 * 1024 * 1024;

/** The whole service, ready for `listen` (main.ts) or `inject` (tests). */
export async function buildApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const production = config.nodeEnv === 'production';
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    // Keep the caller's request id when it looks like one, so logs join up across services.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : newId();
    },
    bodyLimit: 256 * 1024,
    forceCloseConnections: 'idle',
  });

  const db: Database = connect(options.appDatabaseUrl, {
    max: config.dbPoolMax,
    applicationName: 'maalem-api',
    onQuery: options.onQuery,
  });
  const pdf = createPdfRenderer(config.chromiumPath);
  const deps: AppDeps = { db, config, delivery: options.delivery ?? logDelivery(app.log), pdf };
  app.decorate('deps', deps);
  app.addHook('onClose', async () => {
    // Both, whatever happens to the other: the pool must be drained before the database stops.
    await Promise.allSettled([db.destroy(), pdf.close()]);
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // GraphiQL (development only) loads its assets from a CDN, which a strict CSP would block.
  await app.register(helmet, { contentSecurityPolicy: config.nodeEnv === 'development' ? false : undefined });
  await app.register(cookie);

  app.get('/health/live', async () => ({ status: 'ok' }));
  app.get('/health/ready', async (_request, reply) => {
    try {
      await Promise.race([
        db.selectNoFrom((eb) => eb.val(1).as('one')).execute(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 2_000).unref()),
      ]);
      return { status: 'ok' };
    } catch (error) {
      app.log.warn({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable', reason: 'database' });
    }
  });

  await app.register(calendarRoutes);

  // Applicant files travel base64 inside GraphQL (5 MB at most, see modules/imports): the one route
  // that takes big bodies. Everything else keeps the small default.
  app.addHook('onRoute', (route) => {
    if (route.url === '/graphql' && route.method === 'POST') route.bodyLimit = GRAPHQL_BODY_LIMIT;
  });

  await app.register(mercurius, {
    schema: loadTypeDefs(),
    resolvers: resolvers as never,
    loaders: loaders as never,
    graphiql: config.nodeEnv === 'development',
    jit: 1,
    allowBatchedQueries: false,
    csrfPrevention: true,
    queryDepth: QUERY_LIMITS.depth,
    graphql: { parseOptions: { maxTokens: QUERY_LIMITS.tokens } },
    validationRules: [
      maxAliasesRule(QUERY_LIMITS.aliases),
      maxDirectivesRule(QUERY_LIMITS.directives),
      ...(production ? [graphql.NoSchemaIntrospectionCustomRule] : []),
    ],
    context: async (request, reply): Promise<Omit<Context, keyof import('mercurius').MercuriusContext>> => {
      const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
      const auth = await resolveSession(db, bearer ?? request.cookies[SESSION_COOKIE]);
      if (auth.userId) request.log = reply.log = request.log.child({ userId: auth.userId });
      const tenantHeader = request.headers['x-tenant-id'];
      return {
        deps,
        requestId: String(request.id),
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        locale: pickLocale(request.headers['accept-language']),
        auth,
        requestedTenantId: typeof tenantHeader === 'string' ? tenantHeader : null,
      };
    },
    errorFormatter: (execution, context) => {
      const ctx = context as unknown as Context;
      const base = mercurius.defaultErrorFormatter(execution, context);
      const log = ctx.reply?.log ?? app.log;
      return {
        statusCode: base.statusCode,
        response: {
          data: execution.data ?? null,
          errors: formatErrors(execution.errors, { locale: ctx.locale ?? 'ar-MA', production, log }),
        },
      };
    },
  });

  if (options.webDistDir) await serveClient(app, options.webDistDir);

  return app as unknown as App;
}

import type { Context } from '../../graphql/context.js';
import type { MutationResolvers, QueryResolvers } from '../../graphql/generated/resolvers.js';
import { toPayload } from '../../graphql/payload.js';
import { mayReadContactOf, requireUser } from './access.js';
import * as identity from './service.js';
import { SESSION_COOKIE, SESSION_TTL_DAYS } from './sessions.js';

const client = (ctx: Context): identity.ClientInfo => ({
  ip: ctx.ip,
  rateLimitFactor: ctx.deps.config.authRateLimitFactor,
  userAgent: ctx.userAgent,
  requestId: ctx.requestId,
});

async function startSession(
  ctx: Context,
  signedIn: identity.SignedIn,
  returnToken: boolean | null | undefined,
) {
  // The rest of this response already speaks for the new session (e.g. `user { memberships }`).
  ctx.auth = { userId: signedIn.userId, sessionId: signedIn.sessionId, problem: null };
  ctx.reply.setCookie(SESSION_COOKIE, signedIn.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.deps.config.nodeEnv === 'production',
    maxAge: SESSION_TTL_DAYS * 24 * 3600,
  });
  return {
    user: (await identity.usersByIds(ctx.deps.db, [signedIn.userId])).get(signedIn.userId)!,
    expiresAt: signedIn.expiresAt,
    token: returnToken ? signedIn.token : null,
  };
}

export const Query: QueryResolvers = {
  me: async (_root, _args, ctx) => {
    if (!ctx.auth.userId && !ctx.auth.problem) return null;
    const userId = requireUser(ctx);
    return (await identity.usersByIds(ctx.deps.db, [userId])).get(userId) ?? null;
  },
};

export const Mutation: MutationResolvers = {
  signInWithPassword: (_root, { input }, ctx) =>
    toPayload(ctx, async () =>
      startSession(
        ctx,
        await identity.signInWithPassword(ctx.deps.db, input, client(ctx)),
        input.returnToken,
      ),
    ),
  requestSignInCode: (_root, { input }, ctx) =>
    toPayload(ctx, () => identity.requestSignInCode(ctx.deps.db, input, client(ctx))),
  signInWithCode: (_root, { input }, ctx) =>
    toPayload(ctx, async () =>
      startSession(ctx, await identity.signInWithCode(ctx.deps.db, input, client(ctx)), input.returnToken),
    ),
  signOut: (_root, _args, ctx) =>
    toPayload(ctx, async () => {
      // Signing out of a session that already ended is not an error: the cookie goes either way.
      if (ctx.auth.userId && ctx.auth.sessionId) {
        await identity.signOut(ctx.deps.db, ctx.auth.sessionId, ctx.auth.userId, client(ctx));
      }
      ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { signedOut: true };
    }),
};

export const User = {
  displayName: (user: identity.UserRow) => user.display_name,
  email: async (user: identity.UserRow, _args: unknown, ctx: Context) =>
    (await mayReadContactOf(ctx, user.id)) ? user.email : null,
  phone: async (user: identity.UserRow, _args: unknown, ctx: Context) =>
    (await mayReadContactOf(ctx, user.id)) ? user.phone : null,
};

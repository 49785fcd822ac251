/**
 * Auth.js: sign-in by emailed link or code (no passwords), optional GitHub and Google,
 * database sessions in SQLite through the Drizzle adapter (wrapped: lib/auth-adapter.ts).
 */
import 'server-only';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import type { EmailConfig } from 'next-auth/providers';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { cache } from 'react';
import { enqueueMail } from '@/db/queries/outbox';
import { getSiteSettings } from '@/db/queries/settings';
import type { UserRole } from '@/db/schema-values';
import { hearthAdapter } from './auth-adapter';
import { authLogger } from './auth-logger';
import { afterSignIn } from './after-sign-in';
import { getAuthSecret } from './auth-secret';
import { env } from './env';
import { signInEmail } from './mail/sign-in-email';
import { kickWorker } from './jobs/worker';
import { safeCallbackPath } from './safe-redirect';
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from './session-cookie';
import { generateSessionToken } from './session-token';
import { generateSignInCode, SIGN_IN_MAX_AGE_SECONDS } from './sign-in-code';

declare module 'next-auth' {
  interface User {
    role?: UserRole;
  }
  interface Session {
    user: { id: string; name: string | null; role: UserRole };
  }
}

export const EMAIL_PROVIDER_ID = 'email';

const emailProvider: EmailConfig = {
  id: EMAIL_PROVIDER_ID,
  type: 'email',
  name: 'Email',
  from: env.EMAIL_FROM,
  maxAge: SIGN_IN_MAX_AGE_SECONDS,
  options: {},
  generateVerificationToken: generateSignInCode,
  async sendVerificationRequest({ identifier, token, url }) {
    // Links are built from SITE_URL, never from the request's Host header, and leave out the address
    // (the confirmation page finds it from the code): an address in a link looks like phishing to filters.
    const callbackUrl = safeCallbackPath(new URL(url).searchParams.get('callbackUrl')) ?? '/';
    const confirmUrl = `${env.siteUrl}/signin/confirm?${new URLSearchParams({ token, callbackUrl })}`;
    const message = signInEmail({ siteName: (await getSiteSettings()).name, confirmUrl, code: token });
    // Queued, not sent here: the answer (and its timing) never depends on the mail server, and an outage loses nothing.
    await enqueueMail({ kind: 'sign-in', to: identifier, ...message });
    kickWorker();
  },
};

function config(): NextAuthConfig {
  return {
    adapter: hearthAdapter(),
    secret: getAuthSecret(),
    trustHost: true,
    session: { strategy: 'database', generateSessionToken, maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    logger: authLogger,
    pages: { signIn: '/signin', verifyRequest: '/signin/check', error: '/signin' },
    providers: [emailProvider, ...(env.github ? [GitHub(env.github)] : []), ...(env.google ? [Google(env.google)] : [])],
    callbacks: {
      session({ session, user }) {
        session.user = { id: user.id, name: user.name ?? null, role: user.role ?? 'member' } as typeof session.user;
        return session;
      },
      redirect({ url }) {
        return `${env.siteUrl}${safeCallbackPath(url) ?? '/'}`;
      },
    },
    events: {
      async signIn({ user, account, profile }) {
        await afterSignIn({ user, account, profile });
      },
    },
  };
}

const nextAuth = NextAuth(config);
export const { handlers, signIn, signOut } = nextAuth;
/** The session for this request, read once per render. */
export const auth = cache(() => nextAuth.auth());

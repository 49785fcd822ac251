/**
 * Auth.js's log, Hearth's way. A refused sign-in (a wrong, expired or reused link or code, a denied
 * account) is an everyday event: one short line, without the address or the code. Anything else is
 * a real failure and is logged in full, with addresses and tokens scrubbed out.
 */
import 'server-only';

/** Auth.js error types that mean "this sign-in was refused", not "something is broken". */
const REFUSALS = new Set(['Verification', 'AccessDenied', 'MissingCSRF', 'OAuthAccountNotLinked', 'AccountNotLinked', 'CredentialsSignin']);

const errorType = (error: Error): string => {
  const type = (error as { type?: unknown }).type;
  return typeof type === 'string' ? type : error.name;
};

/** Removes email addresses and token/code/email query values from a log text. */
export function scrubAuthLog(text: string): string {
  return text.replace(/[^\s@"'<>(),;:/?&=]+@[^\s@"'<>(),;:/?&=]+\.[^\s@"'<>(),;:/?&=]+/g, '[address]').replace(/((?:token|code|email|sessionToken)(?:=|%3D|":\s*"))[^&\s"]+/gi, '$1[hidden]');
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return scrubAuthLog(String(error));
  const cause = (error as { cause?: unknown }).cause;
  const inner = cause && typeof cause === 'object' && 'err' in cause ? (cause as { err: unknown }).err : undefined;
  const own = `${errorType(error)}: ${error.stack ?? error.message}`;
  return scrubAuthLog(inner ? `${own}\n[cause] ${describe(inner)}` : own);
}

export const authLogger = {
  error(error: Error) {
    const type = errorType(error);
    if (REFUSALS.has(type)) {
      console.warn(`[auth] sign-in refused (${type})`);
      return;
    }
    console.error(`[auth][error] ${describe(error)}`);
  },
  warn(code: string) {
    console.warn(`[auth][warn] ${code}`);
  },
};

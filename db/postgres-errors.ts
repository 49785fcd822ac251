/**
 * Plain words for the ways reaching a PostgreSQL server fails (not running, wrong port, wrong password, no such
 * database), naming the server as user@host:port/database and never the password. node-postgres's own message
 * is kept at the end, so nothing is hidden.
 */
import 'server-only';

/** user@host:port/database from a postgres:// URL: what messages may show of it. */
export function describeTarget(url: string): string {
  const parsed = new URL(url);
  return `${decodeURIComponent(parsed.username) || '(default user)'}@${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

const UNREACHABLE = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET'];

/** The error to show for a failed connection to `url`: a sentence saying what to check, then the driver's words. */
export function connectionError(url: string, error: unknown): Error {
  const code = (error as { code?: string }).code ?? '';
  const original = error instanceof Error ? error.message : String(error);
  const target = describeTarget(url);
  const user = decodeURIComponent(new URL(url).username);
  let advice: string;
  if (UNREACHABLE.includes(code) || /timeout/i.test(original)) advice = `Cannot reach the PostgreSQL server at ${target}: check that it is running and that the host and port are right`;
  else if (code === '28P01') advice = `PostgreSQL refused the password for user "${user}" at ${target}: check the password in the URL`;
  else if (code === '28000') advice = `PostgreSQL does not let user "${user}" connect at ${target} (no such role, or pg_hba.conf refuses it)`;
  else if (code === '3D000') advice = `The database in ${target} does not exist: create it (empty, owned by "${user}") first`;
  else advice = `Cannot connect to PostgreSQL at ${target}`;
  return new Error(`${advice} (${original}).`, { cause: error });
}

// @ts-check
/**
 * Structured logs (pino, one JSON object per line on stdout). Nothing personal goes in: request
 * paths are logged without their query strings, and every message is scrubbed of email addresses,
 * tokens and the parameters a failed database query carries (comment text, addresses).
 */
const pino = require('pino');
const { format } = require('node:util');

/** @typedef {import('pino').Logger} Logger */

/** The server's logger, at `level` (the validated LOG_LEVEL setting). @param {import('./env-schema').Env['LOG_LEVEL']} level @returns {Logger} */
function createLogger(level) {
  return pino({ level, base: { app: 'hearth' }, timestamp: pino.stdTimeFunctions.isoTime });
}

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[A-Za-z]{2,}/g;
const QUERY_VALUE = /([?&](?:token|code|email|callbackUrl|q)=)[^&\s"']*/gi;
const LONG_SECRET = /\b[A-Za-z0-9_-]{32,}\b/g;
const QUERY_PARAMS = /(\bparams:)[\s\S]*$/;
const MAX_MESSAGE = 2000;

/** @param {unknown} text */
function scrub(text) {
  return String(text).replace(QUERY_PARAMS, '$1 [redacted]').replace(EMAIL, '[email]').replace(QUERY_VALUE, '$1[redacted]').replace(LONG_SECRET, '[redacted]').slice(0, MAX_MESSAGE);
}

const MAX_CAUSES = 3;

/**
 * An error's message, then its causes' messages, each scrubbed on its own. Drizzle wraps a failed query's error
 * ("Failed query: …") around the database's own complaint (a PostgreSQL exception, a deadlock) as its cause: without
 * it the log would say which query failed but not why.
 * @param {{ message: unknown; cause?: unknown }} error @returns {string}
 */
function messageWithCauses(error) {
  const parts = [scrub(error.message)];
  for (let cause = error.cause, n = 0; cause instanceof Error && n < MAX_CAUSES; cause = cause.cause, n++) parts.push(`caused by: ${scrub(cause.message)}`);
  return parts.join('\n');
}

/**
 * An error as the log may show it: its kind, and its message and causes scrubbed (or the thrown value itself, when it has no message).
 * @param {unknown} error @returns {{ type: unknown; message: string }}
 */
function loggableError(error) {
  const fields = typeof error === 'object' && error !== null ? error : {};
  return { type: 'name' in fields ? fields.name : undefined, message: 'message' in fields && fields.message != null ? messageWithCauses(fields) : scrub(error) };
}

/** A request path fit for the log: no query string (tokens, addresses and searches live there). @param {string | undefined} url */
function loggablePath(url) {
  const path = String(url ?? '').split('?')[0];
  return scrub(path).slice(0, 300);
}

/** Sends console output (the app's and Next's own) through the scrubbing structured logger. @param {Logger} logger */
function routeConsoleToLogger(logger) {
  /** @type {Array<['log' | 'info' | 'warn' | 'error' | 'debug', 'info' | 'warn' | 'error' | 'debug']>} */
  const levels = [
    ['log', 'info'],
    ['info', 'info'],
    ['warn', 'warn'],
    ['error', 'error'],
    ['debug', 'debug'],
  ];
  for (const [method, level] of levels) {
    console[method] = (/** @type {unknown[]} */ ...args) => {
      const error = args.find((arg) => arg instanceof Error);
      const fields = error ? { err: { type: error.name, message: messageWithCauses(error), stack: scrub(error.stack ?? '') } } : {};
      logger[level](fields, scrub(format(...args.filter((arg) => arg !== error))));
    };
  }
}

module.exports = { createLogger, scrub, loggableError, loggablePath, routeConsoleToLogger };

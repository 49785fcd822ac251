/**
 * Structured logs (pino, one JSON object per line on stdout). Nothing personal goes in: request
 * paths are logged without their query strings, and every message is scrubbed of email addresses,
 * tokens and the parameters a failed database query carries (comment text, addresses).
 */
const pino = require('pino');
const { format } = require('node:util');

const logger = pino({
  level: process.env.LOG_LEVEL || 'info',
  base: { app: 'hearth' },
  timestamp: pino.stdTimeFunctions.isoTime,
});

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[A-Za-z]{2,}/g;
const QUERY_VALUE = /([?&](?:token|code|email|callbackUrl|q)=)[^&\s"']*/gi;
const LONG_SECRET = /\b[A-Za-z0-9_-]{32,}\b/g;
const QUERY_PARAMS = /(\bparams:)[\s\S]*$/;
const MAX_MESSAGE = 2000;

function scrub(text) {
  return String(text)
    .replace(QUERY_PARAMS, '$1 [redacted]')
    .replace(EMAIL, '[email]')
    .replace(QUERY_VALUE, '$1[redacted]')
    .replace(LONG_SECRET, '[redacted]')
    .slice(0, MAX_MESSAGE);
}

/** A request path fit for the log: no query string (tokens, addresses and searches live there). */
function loggablePath(url) {
  const path = String(url ?? '').split('?')[0];
  return scrub(path).slice(0, 300);
}

/** Sends console output (the app's and Next's own) through the scrubbing structured logger. */
function routeConsoleToLogger() {
  const levels = { log: 'info', info: 'info', warn: 'warn', error: 'error', debug: 'debug' };
  for (const [method, level] of Object.entries(levels)) {
    console[method] = (...args) => {
      const error = args.find((arg) => arg instanceof Error);
      const fields = error ? { err: { type: error.name, message: scrub(error.message), stack: scrub(error.stack ?? '') } } : {};
      logger[level](fields, scrub(format(...args.filter((arg) => arg !== error))));
    };
  }
}

module.exports = { logger, scrub, loggablePath, routeConsoleToLogger };

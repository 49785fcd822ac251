// @ts-check
/**
 * Which answers the server gzips. Next streams every answer, so the compression middleware never knows a
 * body's length and its 1 kB threshold never applies. JSON answers (a viewer's state, a comment's
 * outcome) are mostly a few hundred bytes, where setting up gzip cost 0.8 ms a request, a fifth of the
 * whole (measured side by side on /api/me): they go as they are, except downloads (exports), which are large.
 */
const compression = require('compression');

/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
function worthCompressing(req, res) {
  const json = String(res.getHeader('content-type') ?? '').startsWith('application/json');
  if (json && !String(res.getHeader('content-disposition') ?? '').startsWith('attachment')) return false;
  return compression.filter(req, res);
}

module.exports = { worthCompressing };

// @ts-check
/**
 * Node flags the production server is started with. V8 grows the heap lazily up to a limit sized for
 * the machine (gigabytes), so a busy server kept hundreds of MB of garbage; a 256 MB old space keeps
 * the process near 200 MB under load with the same throughput (measured with `npm run bench`).
 * SERVER_HEAP_MB raises it for a site that needs more. The young generation is held to 8 MB semi-spaces
 * (V8 grows them to 16 MB under load): peak RSS under the benchmark's load fell from 311–319 MB to
 * 268–290 MB, with comment submission and page throughput unchanged within the run's noise.
 *
 * The one setting read outside the server's validated settings (settings.js), on purpose: it is read by
 * whatever starts the server (scripts/start.mjs, the tests' launcher) before the server process exists,
 * and a Node flag cannot come from inside that process.
 * @param {Record<string, string | undefined>} [env] process.env of the starting process
 */
function serverNodeArgs(env = process.env) {
  return [`--max-old-space-size=${Number(env.SERVER_HEAP_MB) || 256}`, '--max-semi-space-size=8'];
}

module.exports = { serverNodeArgs };

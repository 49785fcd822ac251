/**
 * Views nginx answered from its micro-cache (those requests never reach this process): nginx sends one
 * syslog line per such view over UDP to 127.0.0.1 (deploy/nginx/hearth.conf, `access_log syslog:…
 * hearth_views`), holding only the referring site's host (or "-"), the site's own host (so that a reader
 * moving between its pages is no referral) and the path, and only for requests its
 * maps found to be a reader's view (a browser, no Do Not Track / Global Privacy Control, no prefetch). Each
 * line is handed to the view counter, which applies the same reader-path and referrer rules as for the views
 * this process serves itself.
 *
 * Why UDP: nginx writes it without blocking, this process reads it without files, offsets or rotation.
 * Its failure mode: a datagram that does not fit the socket's receive buffer (this process stalled under
 * overload) is dropped, and so is every view sent while the server is down; such views are lost, never
 * counted twice. Only this machine can send to it (it listens on 127.0.0.1).
 */
const dgram = require('node:dgram');

const TAG = 'hearth_views: ';
const MAX_LINE_BYTES = 1024;

/**
 * What a syslog datagram from nginx says: `<190>Nov 26 18:52:06 hearth_views: forum.example.org
 * blog.example.org /posts/x`; null for anything else.
 * @param {Buffer} datagram @returns {{ referrer: string; siteHost: string; path: string } | null}
 */
function parseViewLine(datagram) {
  if (datagram.length > MAX_LINE_BYTES) return null;
  const line = datagram.toString('latin1');
  const start = line.indexOf(TAG);
  if (!line.startsWith('<') || start < 0) return null;
  const [referrer, siteHost, path, ...rest] = line.slice(start + TAG.length).trimEnd().split(' ');
  if (!path || rest.length > 0) return null;
  return { referrer: referrer === '-' ? '' : referrer, siteHost, path };
}

/**
 * Listens on 127.0.0.1:`port` and counts every view line into `counter`. Resolves once listening; a port
 * already taken rejects (the caller reports it).
 * @param {{ port: number; counter: { add(path: string, referrer: string, requestHost?: string): void }; onError: (error: unknown) => void }} options
 * @returns {Promise<{ port: number; close(): Promise<void> }>}
 */
function listenForNginxViews({ port, counter, onError }) {
  const socket = dgram.createSocket('udp4');
  socket.on('message', (datagram) => {
    const view = parseViewLine(datagram);
    if (view) counter.add(view.path, view.referrer, view.siteHost);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => {
      socket.off('error', reject);
      socket.on('error', onError);
      resolve({ port: socket.address().port, close: () => new Promise((done) => socket.close(() => done())) });
    });
  });
}

module.exports = { listenForNginxViews, parseViewLine };

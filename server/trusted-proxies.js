// @ts-check
/**
 * Who the client is, decided once per request before Next or the app read any header.
 *
 * The socket's peer is the client, unless it is a proxy listed in TRUSTED_PROXIES (IPs and CIDRs,
 * IPv4 and IPv6, comma-separated; empty = trust nobody). Behind a trusted proxy, X-Forwarded-For is
 * walked from the right past trusted hops: the first hop no trusted proxy could have written is the
 * client. Anything to its left was written by the client and is ignored, so varying the header gets
 * a visitor nothing (per-IP sign-in and subscribe limits, Next's server-action origin check).
 */
const net = require('node:net');

/** @typedef {{ address: string; prefix: number; family: 'ipv4' | 'ipv6' }} ProxyEntry */
/** @typedef {{ trusts(address: string | null): boolean; clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined): string }} ProxyTrust */
/** @typedef {{ socket?: { remoteAddress?: string }; headers: import('node:http').IncomingHttpHeaders }} ForwardedRequest what is read of a request: its peer and its headers */

/** `::ffff:10.0.0.1` and `10.0.0.1` are one client; brackets and spaces are not part of an address. @param {unknown} text @returns {string | null} */
function normalizeAddress(text) {
  const bare = String(text ?? '')
    .trim()
    .replace(/^\[(.*)\]$/, '$1');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  const address = mapped ? mapped[1] : bare.toLowerCase();
  return net.isIP(address) ? address : null;
}

/** One TRUSTED_PROXIES entry ("10.0.0.1", "10.0.0.0/8", "fd00::/8") as { address, prefix, family }, or null. @param {string} entry @returns {ProxyEntry | null} */
function parseProxyEntry(entry) {
  const [host, prefixText, ...rest] = entry.trim().split('/');
  const address = normalizeAddress(host);
  if (!address || rest.length > 0) return null;
  const family = net.isIPv4(address) ? 'ipv4' : 'ipv6';
  const max = family === 'ipv4' ? 32 : 128;
  if (prefixText === undefined) return { address, prefix: max, family };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
  return { address, prefix: Number(prefixText), family };
}

/** TRUSTED_PROXIES text → the parsed entries and the entries that are not an IP or CIDR. @param {unknown} text */
function parseTrustedProxies(text) {
  /** @type {ProxyEntry[]} */
  const entries = [];
  /** @type {string[]} */
  const invalid = [];
  for (const raw of String(text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const entry = parseProxyEntry(raw);
    if (entry) entries.push(entry);
    else invalid.push(raw);
  }
  return { entries, invalid };
}

/** A matcher over parsed entries: `trusts(address)` and `clientAddress(peer, xForwardedFor)`. @param {ProxyEntry[]} entries @returns {ProxyTrust} */
function createProxyTrust(entries) {
  const list = new net.BlockList();
  for (const { address, prefix, family } of entries) list.addSubnet(address, prefix, family);

  /** @param {string | null} address */
  const trusts = (address) => address !== null && entries.length > 0 && list.check(address, net.isIPv4(address) ? 'ipv4' : 'ipv6');

  /**
   * The client for a connection from `peer` carrying `forwardedFor` (the header's value, possibly
   * repeated). A hop that is not an address stops the walk at the trusted proxy that passed it on;
   * a chain of trusted hops only ends at its left-most address.
   * @param {string | undefined} peer @param {string | string[] | undefined} forwardedFor
   */
  function clientAddress(peer, forwardedFor) {
    let client = normalizeAddress(peer) ?? 'unknown';
    if (!trusts(client)) return client;
    const hops = [forwardedFor ?? []]
      .flat()
      .join(',')
      .split(',')
      .filter((hop) => hop.trim() !== '');
    for (const hop of hops.reverse()) {
      const address = normalizeAddress(hop);
      if (!address) return client;
      client = address;
      if (!trusts(address)) return client;
    }
    return client;
  }

  return { trusts, clientAddress };
}

const FROM_TRUSTED_PROXIES_ONLY = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded'];

/**
 * Rewrites the forwarding headers of `req` to what was decided: X-Forwarded-For and X-Real-IP hold
 * the one client address; the others are kept only when a trusted proxy sent them.
 * @param {ForwardedRequest} req @param {ProxyTrust} trust
 */
function applyClientAddress(req, trust) {
  const peer = req.socket?.remoteAddress;
  const client = trust.clientAddress(peer, req.headers['x-forwarded-for']);
  if (!trust.trusts(normalizeAddress(peer))) for (const name of FROM_TRUSTED_PROXIES_ONLY) delete req.headers[name];
  req.headers['x-forwarded-for'] = client;
  req.headers['x-real-ip'] = client;
  return client;
}

const LOOPBACK = new Set(['127.0.0.1', '::1']);

/**
 * True for a request a proxy on this machine forwarded (loopback peer, X-Forwarded-For present) while
 * it is not trusted: then every visitor shares the proxy's address for the per-IP limits.
 * @param {ForwardedRequest} req @param {ProxyTrust} trust
 */
function forwardedByUntrustedLocalProxy(req, trust) {
  const peer = normalizeAddress(req.socket?.remoteAddress);
  return Boolean(req.headers['x-forwarded-for']) && peer !== null && LOOPBACK.has(peer) && !trust.trusts(peer);
}

module.exports = { parseTrustedProxies, createProxyTrust, applyClientAddress, forwardedByUntrustedLocalProxy, normalizeAddress };

/** @jest-environment node */
import { applyClientAddress, createProxyTrust, forwardedByUntrustedLocalProxy, parseTrustedProxies } from '../../../server/trusted-proxies';

const trustOf = (text: string) => {
  const { entries, invalid } = parseTrustedProxies(text);
  expect(invalid).toEqual([]);
  return createProxyTrust(entries);
};

describe('TRUSTED_PROXIES', () => {
  it('reads IPs and CIDRs of both families, with spaces', () => {
    const { entries, invalid } = parseTrustedProxies(' 127.0.0.1 , 10.0.0.0/8,::1, fd00::/8 ,[2001:db8::1],::ffff:192.0.2.1');
    expect(invalid).toEqual([]);
    expect(entries).toEqual([
      { address: '127.0.0.1', prefix: 32, family: 'ipv4' },
      { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
      { address: '::1', prefix: 128, family: 'ipv6' },
      { address: 'fd00::', prefix: 8, family: 'ipv6' },
      { address: '2001:db8::1', prefix: 128, family: 'ipv6' },
      { address: '192.0.2.1', prefix: 32, family: 'ipv4' },
    ]);
  });

  it('is empty (trust nobody) when unset', () => {
    expect(parseTrustedProxies(undefined)).toEqual({ entries: [], invalid: [] });
    expect(parseTrustedProxies(' , ')).toEqual({ entries: [], invalid: [] });
  });

  it.each(['localhost', '10.0.0.0/33', '::/129', '10.0.0.1/', '10.0.0.1/8/8', '10.0.0.256', '1.2.3.4:80', 'fd00::/x', '*', '10.0.0.0/-1'])('refuses %p', (entry) => {
    expect(parseTrustedProxies(`127.0.0.1,${entry}`).invalid).toEqual([entry]);
  });
});

describe('the client address', () => {
  const nobody = trustOf('');
  const local = trustOf('127.0.0.1, ::1');
  const network = trustOf('10.0.0.0/8, fd00::/8');

  it.each([
    // [trust, peer, X-Forwarded-For, client]
    ['nobody', nobody, '203.0.113.9', '1.2.3.4', '203.0.113.9'],
    ['nobody', nobody, '203.0.113.9', undefined, '203.0.113.9'],
    ['nobody, even a loopback peer', nobody, '127.0.0.1', '1.2.3.4', '127.0.0.1'],
    ['nobody, IPv6 peer', nobody, '2001:DB8::7', '1.2.3.4', '2001:db8::7'],
    ['nobody, mapped peer', nobody, '::ffff:203.0.113.9', '1.2.3.4', '203.0.113.9'],
    ['local, untrusted peer', local, '203.0.113.9', '1.2.3.4', '203.0.113.9'],
    ['local, one hop', local, '127.0.0.1', '203.0.113.9', '203.0.113.9'],
    ['local, mapped peer', local, '::ffff:127.0.0.1', '203.0.113.9', '203.0.113.9'],
    ['local, IPv6 peer', local, '::1', '2001:db8::7', '2001:db8::7'],
    ['local, spoofed hops on the left', local, '127.0.0.1', '6.6.6.6, 7.7.7.7, 203.0.113.9', '203.0.113.9'],
    ['local, spaces and empty hops', local, '127.0.0.1', ' 6.6.6.6 ,,  203.0.113.9  ', '203.0.113.9'],
    ['local, mapped hop', local, '127.0.0.1', '::ffff:203.0.113.9', '203.0.113.9'],
    ['local, bracketed IPv6 hop', local, '127.0.0.1', '[2001:db8::7]', '2001:db8::7'],
    ['local, no header', local, '127.0.0.1', undefined, '127.0.0.1'],
    ['local, only trusted hops', local, '127.0.0.1', '::1, 127.0.0.1', '::1'],
    ['local, garbage hop', local, '127.0.0.1', 'not-an-ip', '127.0.0.1'],
    ['local, garbage hop with a port', local, '127.0.0.1', '203.0.113.9:4444', '127.0.0.1'],
    ['local, garbage right of a spoof', local, '127.0.0.1', '6.6.6.6, <script>', '127.0.0.1'],
    ['network, CIDR chain', network, '10.1.2.3', '6.6.6.6, 203.0.113.9, 10.9.9.9, 10.0.0.1', '203.0.113.9'],
    ['network, IPv6 CIDR chain', network, 'fd12::1', '2001:db8::7, fd00::2', '2001:db8::7'],
    ['network, garbage behind two proxies', network, '10.1.2.3', 'x, 10.0.0.7', '10.0.0.7'],
    ['network, peer outside the CIDR', network, '11.0.0.1', '203.0.113.9', '11.0.0.1'],
    ['network, repeated headers', network, '10.1.2.3', ['6.6.6.6', '203.0.113.9'], '203.0.113.9'],
  ])('trusting %s: peer %p, X-Forwarded-For %p → %p', (_name, trust, peer, forwardedFor, client) => {
    expect(trust.clientAddress(peer as string, forwardedFor as string | string[] | undefined)).toBe(client);
  });
});

describe('the headers Next and the app read', () => {
  const local = trustOf('127.0.0.1');
  const request = (peer: string, headers: Record<string, string>) => ({ socket: { remoteAddress: peer }, headers: { ...headers } });
  const sent = { 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '6.6.6.6', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-forwarded-port': '1', forwarded: 'for=6.6.6.6' };

  it('drops what a client sent straight to the app', () => {
    const req = request('203.0.113.9', sent);
    expect(applyClientAddress(req, local)).toBe('203.0.113.9');
    expect(req.headers).toEqual({ 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.9' });
  });

  it('keeps what a trusted proxy sent, with the one decided client address', () => {
    const req = request('127.0.0.1', { ...sent, 'x-forwarded-for': '6.6.6.6, 203.0.113.9' });
    applyClientAddress(req, local);
    expect(req.headers).toEqual({ ...sent, 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.9' });
  });
});

describe('a local proxy nobody listed', () => {
  const request = (peer: string, headers: Record<string, string> = { 'x-forwarded-for': '203.0.113.9' }) => ({ socket: { remoteAddress: peer }, headers });

  it('is noticed when a loopback peer forwards and TRUSTED_PROXIES is empty', () => {
    expect(forwardedByUntrustedLocalProxy(request('127.0.0.1'), trustOf(''))).toBe(true);
    expect(forwardedByUntrustedLocalProxy(request('::ffff:127.0.0.1'), trustOf(''))).toBe(true);
    expect(forwardedByUntrustedLocalProxy(request('::1'), trustOf('10.0.0.1'))).toBe(true);
  });

  it('is not claimed for a trusted proxy, a request without the header, or a remote peer', () => {
    expect(forwardedByUntrustedLocalProxy(request('127.0.0.1'), trustOf('127.0.0.1'))).toBe(false);
    expect(forwardedByUntrustedLocalProxy(request('127.0.0.1', {}), trustOf(''))).toBe(false);
    expect(forwardedByUntrustedLocalProxy(request('203.0.113.7'), trustOf(''))).toBe(false);
  });
});

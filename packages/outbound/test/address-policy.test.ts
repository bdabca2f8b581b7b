import { decideAddress, describeAllowList, EMPTY_ALLOW_LIST, parseAllowList } from '../src/address-policy';

describe('decideAddress', () => {
  const refusedByDefault: [string, RegExp][] = [
    ['127.0.0.1', /loopback/],
    ['127.8.9.10', /loopback/],
    ['::1', /loopback/],
    ['10.1.2.3', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['169.254.1.1', /link-local/],
    ['fe80::1', /link-local/],
    ['fc00::1', /unique-local/],
    ['fd12:3456::1', /unique-local/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.254', /carrier-grade NAT/],
    ['0.0.0.0', /unspecified/],
    ['::', /unspecified/],
    ['255.255.255.255', /broadcast/],
    ['224.0.0.1', /multicast/],
    ['ff02::1', /multicast/],
    ['192.0.2.1', /reserved/],
    ['240.0.0.1', /reserved/],
    ['169.254.169.254', /metadata/],
    ['fd00:ec2::254', /metadata/],
    ['100.100.100.200', /metadata/],
    ['169.254.170.2', /metadata/],
    // IPv4 in IPv6 clothing is judged as the IPv4 it is.
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:169.254.169.254', /metadata/],
    ['::ffff:10.0.0.1', /private/],
    // IPv6 ranges that reach an embedded IPv4 address.
    ['64:ff9b::7f00:1', /rfc6052/],
    ['2002:7f00:1::1', /6to4/],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', /teredo/],
    ['[::1]', /loopback/],
    ['not-an-ip', /not an IP address/],
  ];

  it.each(refusedByDefault)('refuses %s by default', (address, reason) => {
    const verdict = decideAddress(address, EMPTY_ALLOW_LIST);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.reason).toMatch(reason);
  });

  it.each(['93.184.216.34', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:81c::200e', '172.32.0.1', '100.128.0.1'])(
    'allows the public address %s',
    (address) => {
      expect(decideAddress(address, EMPTY_ALLOW_LIST)).toEqual({ allowed: true });
    },
  );

  const allowList = parseAllowList('127.0.0.1, ::1, 10.0.0.0/8, fd00::/8, connector.internal, 169.254.0.0/16');
  const withList: [string, string | undefined, boolean][] = [
    ['127.0.0.1', undefined, true],
    ['127.0.0.2', undefined, false],
    ['::1', undefined, true],
    ['::ffff:127.0.0.1', undefined, true],
    ['10.200.3.4', undefined, true],
    ['192.168.1.1', undefined, false],
    ['fd00::5', undefined, true],
    // A named host is allowed whatever it resolves to; another name resolving inward is not.
    ['192.168.7.7', 'connector.internal', true],
    ['192.168.7.7', 'CONNECTOR.internal.', true],
    ['192.168.7.7', 'evil.example', false],
    // A broad range does not open a metadata endpoint...
    ['169.254.169.254', undefined, false],
    ['fd00:ec2::254', undefined, false],
    ['169.254.3.3', undefined, true],
  ];

  it.each(withList)('with an allow-list: %s (host %s) allowed=%s', (address, host, allowed) => {
    expect(decideAddress(address, allowList, host).allowed).toBe(allowed);
  });

  it('opens a metadata endpoint only when the list names it exactly', () => {
    expect(decideAddress('169.254.169.254', parseAllowList('169.254.169.254')).allowed).toBe(true);
    expect(decideAddress('169.254.169.254', parseAllowList('169.254.169.254/32')).allowed).toBe(true);
    expect(decideAddress('169.254.169.254', parseAllowList('0.0.0.0/0')).allowed).toBe(false);
  });
});

describe('parseAllowList', () => {
  it('reads addresses, ranges and host names', () => {
    const list = parseAllowList(' 127.0.0.1 ,::1,10.0.0.0/8,,api.Example.com ');
    expect(describeAllowList(list)).toBe('127.0.0.1,::1,10.0.0.0/8,api.example.com');
    expect(describeAllowList(parseAllowList(''))).toBe('(nothing)');
  });

  it('names every entry it cannot read', () => {
    expect(() => parseAllowList('127.0.0.1,10.0.0.0/40,bad host,/8')).toThrow(/10\.0\.0\.0\/40, bad host, \/8/);
  });
});

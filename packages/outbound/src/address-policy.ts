import ipaddr from 'ipaddr.js';

/**
 * Which addresses Interflow may open a connection to. By default only public unicast
 * addresses: loopback, private (RFC 1918), link-local, unique-local (fc00::/7), CGNAT
 * (100.64/10), multicast, reserved and the IPv6 ranges that embed an IPv4 address
 * (NAT64, 6to4, Teredo) are refused, and so are the cloud metadata endpoints, so a
 * deployment URL cannot reach the machine's own network or its credentials.
 *
 * An operator opens what the deployment really needs with an allow-list
 * (`INTERFLOW_OUTBOUND_ALLOW`): addresses, CIDR ranges and host names. A metadata
 * endpoint is only reachable when the list names that exact address: a broad range
 * such as 169.254.0.0/16 does not open it.
 */

export interface AllowList {
  /** Ranges from the list, with the text they came from (for messages). */
  ranges: { range: [ipaddr.IPv4 | ipaddr.IPv6, number]; text: string }[];
  /** Host names allowed whatever they resolve to, lower-case, without a trailing dot. */
  hosts: Set<string>;
}

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

/** Cloud metadata endpoints (AWS, GCP and Azure use the first; the others are AWS IPv6, Alibaba, Oracle, ECS). */
export const METADATA_ADDRESSES = ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '192.0.0.192', '169.254.170.2'];

const METADATA = new Set(METADATA_ADDRESSES.map((text) => ipaddr.parse(text).toNormalizedString()));

const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  linkLocal: 'a link-local address',
  uniqueLocal: 'a unique-local address',
  carrierGradeNat: 'a carrier-grade NAT address',
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
};

export const EMPTY_ALLOW_LIST: AllowList = { ranges: [], hosts: new Set() };

/**
 * Parses the operator's comma-separated list: `127.0.0.1`, `10.0.0.0/8`, `::1`,
 * `connector.internal`. Throws naming each entry it cannot read.
 */
export function parseAllowList(text: string): AllowList {
  const list: AllowList = { ranges: [], hosts: new Set() };
  const bad: string[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    if (entry.includes('/')) {
      try {
        list.ranges.push({ range: ipaddr.parseCIDR(entry), text: entry });
      } catch {
        bad.push(entry);
      }
    } else if (ipaddr.isValid(entry)) {
      const address = ipaddr.parse(entry);
      list.ranges.push({ range: [address, address.kind() === 'ipv4' ? 32 : 128], text: entry });
    } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i.test(entry)) {
      list.hosts.add(normalizeHost(entry));
    } else {
      bad.push(entry);
    }
  }
  if (bad.length > 0) throw new Error(`not an address, CIDR range or host name: ${bad.join(', ')}`);
  return list;
}

/** The list back as text, for logs. */
export function describeAllowList(list: AllowList): string {
  return [...list.ranges.map((r) => r.text), ...list.hosts].join(',') || '(nothing)';
}

function normalizeHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');
}

/** True when the host name itself is on the list (checked before any DNS lookup). */
export function isAllowedHost(host: string, allow: AllowList): boolean {
  return allow.hosts.has(normalizeHost(host));
}

/**
 * May a connection go to `address` (an IP literal, as resolved or as connected to)?
 * `host` is the name the URL used, when it had one: a host on the allow-list is
 * allowed whatever it resolves to. Pure: the table tests cover every range.
 */
export function decideAddress(address: string, allow: AllowList, host?: string): AddressVerdict {
  if (host !== undefined && isAllowedHost(host, allow)) return { allowed: true };
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process(): an IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 it is.
    parsed = ipaddr.process(normalizeHost(address));
  } catch {
    return { allowed: false, reason: `'${address}' is not an IP address` };
  }
  const normalized = parsed.toNormalizedString();
  const shown = parsed.toString();
  if (METADATA.has(normalized)) {
    const named = allow.ranges.some(({ range: [base, bits] }) => base.kind() === parsed.kind() && isSingle(base, bits) && base.toNormalizedString() === normalized);
    return named ? { allowed: true } : { allowed: false, reason: `${shown} is a cloud metadata address${hint(shown, true)}` };
  }
  const covered = allow.ranges.some(({ range }) => range[0].kind() === parsed.kind() && parsed.match(range));
  if (covered) return { allowed: true };
  const rangeName = parsed.range();
  if (rangeName === 'unicast') return { allowed: true };
  const described = RANGE_NAMES[rangeName] ?? `in the special-purpose range '${rangeName}'`;
  return { allowed: false, reason: `${shown} is ${described}${hint(shown, false)}` };
}

function isSingle(base: ipaddr.IPv4 | ipaddr.IPv6, bits: number): boolean {
  return bits === (base.kind() === 'ipv4' ? 32 : 128);
}

function hint(address: string, exact: boolean): string {
  return exact
    ? ` (only an INTERFLOW_OUTBOUND_ALLOW entry naming exactly ${address} opens it)`
    : ` (an operator can allow it with INTERFLOW_OUTBOUND_ALLOW)`;
}

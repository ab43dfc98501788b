// The egress policy: the one place that decides whether Sanjeh may connect to an address on behalf
// of an untrusted URL (targets, their redirects, HSTS requests, AIA certificate fetches, the speed
// probe). Loopback, private, link-local, metadata and other special ranges are refused unless the
// operator sets ALLOW_PRIVATE_TARGETS=true. The check runs on the address actually connected to
// (through `guardedLookup` and `checkConnectedSocket`), not only on the name, so DNS rebinding
// cannot slip past it. Notification endpoints are operator-configured and are not under it.
import { BlockList, isIP, type Socket } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';

export type EgressPolicy = {
  readonly allowPrivate: boolean;
  /** Exact addresses allowed even in a special range (ALLOWED_TARGET_ADDRESSES: an internal mirror). */
  readonly allowAddresses?: readonly string[];
};

export type AddressRange =
  | 'loopback' | 'private' | 'link_local' | 'metadata' | 'unspecified' | 'multicast'
  | 'shared_cgnat' | 'unique_local' | 'reserved' | 'documentation';

const ranges: ReadonlyArray<readonly [AddressRange, string, number, 'ipv4' | 'ipv6']> = [
  ['metadata', '169.254.169.254', 32, 'ipv4'],
  ['metadata', '100.100.100.200', 32, 'ipv4'],
  ['metadata', 'fd00:ec2::254', 128, 'ipv6'],
  ['unspecified', '0.0.0.0', 8, 'ipv4'],
  ['private', '10.0.0.0', 8, 'ipv4'],
  ['shared_cgnat', '100.64.0.0', 10, 'ipv4'],
  ['loopback', '127.0.0.0', 8, 'ipv4'],
  ['link_local', '169.254.0.0', 16, 'ipv4'],
  ['private', '172.16.0.0', 12, 'ipv4'],
  ['reserved', '192.0.0.0', 24, 'ipv4'],
  ['documentation', '192.0.2.0', 24, 'ipv4'],
  ['private', '192.168.0.0', 16, 'ipv4'],
  ['reserved', '198.18.0.0', 15, 'ipv4'],
  ['documentation', '198.51.100.0', 24, 'ipv4'],
  ['documentation', '203.0.113.0', 24, 'ipv4'],
  ['multicast', '224.0.0.0', 4, 'ipv4'],
  ['reserved', '240.0.0.0', 4, 'ipv4'],
  ['unspecified', '::', 128, 'ipv6'],
  ['loopback', '::1', 128, 'ipv6'],
  ['unique_local', 'fc00::', 7, 'ipv6'],
  ['link_local', 'fe80::', 10, 'ipv6'],
  ['multicast', 'ff00::', 8, 'ipv6'],
  ['documentation', '2001:db8::', 32, 'ipv6'],
];

const lists = new Map<AddressRange, BlockList>();
for (const [name, net, prefix, family] of ranges) {
  const list = lists.get(name) ?? new BlockList();
  list.addSubnet(net, prefix, family);
  lists.set(name, list);
}

/** The special range an IP address falls in, or null for an ordinary public address. */
export function addressRange(ip: string): AddressRange | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const addr = mapped ?? ip;
  const family = isIP(addr) === 6 ? 'ipv6' : 'ipv4';
  for (const [name, list] of lists) if (list.check(addr, family)) return name;
  return null;
}

export class EgressDeniedError extends Error {
  readonly code = 'EGRESS_DENIED';
  readonly address: string;
  readonly range: AddressRange;
  constructor(address: string, range: AddressRange) {
    super(`refused to connect to ${address}: ${range.replace('_', '-')} address (set ALLOW_PRIVATE_TARGETS=true to allow)`);
    this.address = address;
    this.range = range;
  }
}

/** Throws EgressDeniedError when the policy forbids connecting to `ip`. */
export function assertAddressAllowed(ip: string, policy: EgressPolicy): void {
  if (policy.allowPrivate || policy.allowAddresses?.includes(ip.replace(/^::ffff:/i, ''))) return;
  const range = addressRange(ip);
  if (range) throw new EgressDeniedError(ip, range);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A drop-in `lookup` for net/tls/undici connect options: resolves like dns.lookup, then refuses
 * the connection if any resolved address is forbidden (a name that resolves to both a public and
 * a private address is treated as hostile).
 */
export function guardedLookup(policy: EgressPolicy) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      try {
        for (const a of addresses) assertAddressAllowed(a.address, policy);
      } catch (denied) {
        return callback(denied as NodeJS.ErrnoException, []);
      }
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/** Resolves a host (or passes an IP literal through) and checks every address against the policy. */
export async function resolveAllowed(host: string, policy: EgressPolicy): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) {
    assertAddressAllowed(bare, policy);
    return [bare];
  }
  const { lookup } = await import('node:dns/promises');
  const addresses = await lookup(bare, { all: true });
  for (const a of addresses) assertAddressAllowed(a.address, policy);
  return addresses.map((a) => a.address);
}

/** The last guard: the peer a socket actually connected to (covers IP literals, which skip lookup). */
export function checkConnectedSocket(socket: Socket, policy: EgressPolicy): void {
  const peer = socket.remoteAddress;
  if (peer) assertAddressAllowed(peer, policy);
}

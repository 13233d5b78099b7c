import { BlockList, isIP } from 'node:net';

// Ranges a feed URL must never reach: a source URL is typed by whoever runs /source add, so without
// this a moderator's bot could be made to read the newsroom's intranet or a cloud metadata service.
const IPV4_BLOCKED: [string, number][] = [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local host on Linux
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT (also Alibaba's metadata at 100.100.100.200)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. the cloud metadata address 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast 255.255.255.255
];

// IANA's IPv6 special-purpose registry. Every form that carries an IPv4 address inside (6to4,
// IPv4-translated, local-use NAT64, Teredo) is refused whole: a relay or translator on the way
// could turn it into a connection to the embedded, possibly private, address.
const IPV6_BLOCKED: [string, number][] = [
  ['::', 96], // unspecified, loopback ::1 and the deprecated IPv4-compatible form
  ['::ffff:0:0:0', 96], // IPv4-translated (SIIT): ::ffff:0:7f00:1 is 127.0.0.1
  ['64:ff9b:1::', 48], // local-use IPv4/IPv6 translation (NAT64 inside a network)
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments: Teredo (2001::/32), benchmarking, ORCHID
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: 2002:7f00:1:: is 127.0.0.1
  ['3fff::', 20], // documentation (RFC 9637)
  ['5f00::', 16], // segment routing SIDs (RFC 9602)
  ['fc00::', 7], // unique local, incl. AWS's metadata address fd00:ec2::254
  ['fe80::', 10], // link-local
  ['fec0::', 10], // deprecated site-local
  ['ff00::', 8], // multicast
];

const BLOCKED = new BlockList();
for (const [network, prefix] of IPV4_BLOCKED) BLOCKED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of IPV6_BLOCKED) BLOCKED.addSubnet(network, prefix, 'ipv6');

// NAT64 (64:ff9b::/96) carries an IPv4 address in its last 32 bits; judge that address. BlockList
// already judges IPv4-mapped addresses (::ffff:a.b.c.d) by their IPv4 rules.
const NAT64 = /^\[64:ff9b::([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/;

function embeddedIpv4(address: string): string | undefined {
  const match = NAT64.exec(new URL(`http://[${address}]`).hostname);
  if (!match) return undefined;
  const high = parseInt(match[1] ?? '0', 16);
  const low = parseInt(match[2] ?? '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** True for an address a feed fetch must not connect to: private, loopback, link-local, metadata, reserved. */
export function isBlockedAddress(address: string): boolean {
  const bare = address.replace(/%.*$/, ''); // a zone id (fe80::1%eth0) is not part of the address
  const family = isIP(bare);
  if (family === 4) return BLOCKED.check(bare, 'ipv4');
  if (family !== 6) return true; // not an address at all: refuse rather than guess
  const ipv4 = embeddedIpv4(bare);
  return ipv4 === undefined ? BLOCKED.check(bare, 'ipv6') : BLOCKED.check(ipv4, 'ipv4');
}

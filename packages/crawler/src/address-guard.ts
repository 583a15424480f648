import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';

/** Error code of a connection refused because it would reach a non-public address. */
export const BLOCKED_ADDRESS_CODE = 'PROVNEWS_BLOCKED_ADDRESS';

/** A connection the crawler refused to open (SSRF guard). */
export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
  readonly code = BLOCKED_ADDRESS_CODE;
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} resolves to ${address}, a private, loopback or link-local address`);
  }
}

/**
 * True for addresses on the public internet. Everything ipaddr.js does not call `unicast` is
 * refused: private (10/8, 192.168/16, fc00::/7), loopback, link-local (169.254/16 — cloud
 * metadata endpoints live there), carrier-grade NAT, multicast, reserved, and the IPv6
 * tunnelling ranges (6to4, Teredo) that can wrap a private IPv4 address.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return false;
  return ipaddr.process(bare).range() === 'unicast';
}

/** True when the host part of a URL is an IP literal (no DNS lookup will happen for it). */
export function isIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(hostname.replace(/^\[|\]$/g, ''));
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type LookupFn = (hostname: string, options: object, callback: LookupCallback) => void;

/** Decides whether the crawler may connect to a resolved IP address. */
export type AddressPolicy = (address: string) => boolean;

/**
 * A `dns.lookup` replacement for `net.connect` that fails when any resolved address is refused
 * by the policy. Checking the resolved IP (not the host name) is what stops DNS names pointing
 * at 127.0.0.1 or 169.254.169.254; it runs on every new connection, so redirects are covered too.
 */
export function guardedLookup(policy: AddressPolicy): LookupFn {
  const lookupAll = dnsLookup as unknown as LookupFn;
  return (hostname, options, callback) => {
    lookupAll(hostname, options, (err, address, family) => {
      if (err) return callback(err, '');
      const list: LookupAddress[] = Array.isArray(address) ? address : [{ address, family: family ?? 4 }];
      const bad = list.find((a) => !policy(a.address));
      if (bad) return callback(new BlockedAddressError(hostname, bad.address) as unknown as NodeJS.ErrnoException, '');
      callback(null, address, family);
    });
  };
}

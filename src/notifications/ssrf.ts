// The SSRF guard for webhooks: which URLs may be registered, and which addresses a delivery may
// connect to. Addresses are classified by ipaddr.js; only ordinary public unicast passes unless
// WEBHOOK_ALLOW_PRIVATE. A delivery resolves the name, checks every address, and connects to the
// checked one (webhook-client.ts), so a name that re-resolves to 127.0.0.1 (DNS rebinding)
// between registration and delivery is still refused.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface UrlPolicy {
  allowHttp: boolean;
  allowPrivate: boolean;
}

/** Resolves a host name to all its addresses (injectable so tests can play a rebinding resolver). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

export class RefusedAddressError extends Error {
  readonly code = 'ERR_WEBHOOK_REFUSED';
}

/** Why an address may not be reached (its ipaddr.js range), or null when it may. */
export function addressProblem(address: string, policy: Pick<UrlPolicy, 'allowPrivate'>): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  if (policy.allowPrivate) return null;
  // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  return range === 'unicast' ? null : `${address} is in a ${range} range, which webhooks may not reach`;
}

/** A bare host of a URL: IPv6 literals without their brackets. */
export const bareHost = (u: URL) => u.hostname.replace(/^\[(.*)\]$/, '$1');

/** Why a URL may not be registered (scheme, credentials, literal address), or null. */
export function urlProblem(value: string, policy: UrlPolicy): string | null {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return 'must be an absolute URL such as https://example.org/hooks/ledger';
  }
  if (u.protocol !== 'https:' && !(policy.allowHttp && u.protocol === 'http:')) {
    return policy.allowHttp ? 'must start with https:// or http://' : 'must start with https:// (plain http is not allowed here)';
  }
  if (u.username || u.password) return 'must not carry a user name or password (the signature authenticates us)';
  if (u.hash) return 'must not have a #fragment';
  if (value.length > 2000) return 'must be at most 2000 characters';
  const host = bareHost(u);
  if (isIP(host)) return addressProblem(host, policy);
  if (!policy.allowPrivate && /(^|\.)(localhost|local|internal|localdomain)$/i.test(host)) {
    return `${host} names this machine or a private network, which webhooks may not reach`;
  }
  return null;
}

/** Resolves `host`, refusing when any of its addresses may not be reached; the checked addresses. */
export async function checkedAddresses(host: string, policy: Pick<UrlPolicy, 'allowPrivate'>, resolve: Resolver): Promise<LookupAddress[]> {
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  if (!addresses.length) throw new RefusedAddressError(`${host} resolves to no address`);
  for (const a of addresses) {
    const problem = addressProblem(a.address, policy);
    if (problem) throw new RefusedAddressError(`${host}: ${problem}`);
  }
  return addresses;
}

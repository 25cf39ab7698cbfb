/**
 * Who the client of a request is, for per-client rate limits. A route handler sees
 * no socket: it learns the client's address only from X-Forwarded-For, and every
 * entry in that header is whatever the previous hop wrote. Each proxy appends the
 * address it received the request from, so only the entries appended by proxies we
 * run behind can be believed: with TRUSTED_PROXY_HOPS = n, the n-th entry from the
 * right is the address our outermost proxy saw, and anything left of it may be
 * invented by the client.
 *
 * With no trusted proxy (n = 0) the header proves nothing: Next.js fills it from the
 * socket only when the client sent none, so a client could name itself anything.
 * Then every request is the one "unidentified" client. That is exact for the local
 * stack, which listens on loopback only (its one client is this machine); a
 * deployment reachable from outside must declare its proxies (production refuses 0),
 * or a per-client limit would become one limit for everybody.
 *
 * IPv6 clients are counted per /64: a host picks any address in its subnet at will.
 * Pure, so it is tested directly.
 */
import { isIPv4, isIPv6 } from "node:net";

export const UNIDENTIFIED_CLIENT = "unidentified";

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function ipv6Groups(address: string): number[] | null {
  if (!isIPv6(address)) return null;
  let text = address.toLowerCase().replace(/%.*$/, "");
  // A trailing dotted quad (::ffff:192.0.2.1) is the last two groups written in decimal.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((group) => parseInt(group, 16)));
  const [head = "", tail] = text.split("::");
  if (tail === undefined) return parse(head);
  const left = parse(head);
  const right = parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** The rate-limit key of one address: itself for IPv4, its /64 for IPv6; null if it is no address. */
export function addressKey(address: string): string | null {
  const bare = address.trim().replace(/^\[(.*)\]$/, "$1");
  if (isIPv4(bare)) return `ipv4:${bare}`;
  const groups = ipv6Groups(bare);
  if (!groups || groups.length !== 8) return null;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = groups;
  // An IPv4 client seen through an IPv6 socket (::ffff:a.b.c.d) is that IPv4 client.
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0xffff) {
    return `ipv4:${g >> 8}.${g & 0xff}.${h >> 8}.${h & 0xff}`;
  }
  return `ipv6:${[a, b, c, d].map((group) => group.toString(16)).join(":")}::/64`;
}

/**
 * The client of a request as a rate-limit key, from its X-Forwarded-For header and
 * the number of proxies in front of us. A header shorter than that, or an entry that
 * is no address, means the request did not come the way our proxies bring it: it
 * counts as the unidentified client, which gains it nothing.
 */
export function clientKey(headers: Headers, trustedProxyHops: number): string {
  if (trustedProxyHops === 0) return UNIDENTIFIED_CLIENT;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const seenByOutermostProxy = entries[entries.length - trustedProxyHops];
  if (seenByOutermostProxy === undefined) return UNIDENTIFIED_CLIENT;
  return addressKey(seenByOutermostProxy) ?? UNIDENTIFIED_CLIENT;
}

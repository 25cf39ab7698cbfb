import { describe, expect, it } from "vitest";
import { addressKey, clientKey, UNIDENTIFIED_CLIENT } from "../../lib/abuse/client-key";

function forwarded(value: string | null): Headers {
  return new Headers(value === null ? {} : { "x-forwarded-for": value });
}

describe("clientKey", () => {
  it("believes nothing in X-Forwarded-For without a trusted proxy", () => {
    for (const value of [null, "203.0.113.9", "198.51.100.1, 203.0.113.9"]) {
      expect(clientKey(forwarded(value), 0)).toBe(UNIDENTIFIED_CLIENT);
    }
  });

  it("takes the entry appended by the one trusted proxy: the rightmost", () => {
    expect(clientKey(forwarded("203.0.113.9"), 1)).toBe("ipv4:203.0.113.9");
    expect(clientKey(forwarded("10.0.0.1, 198.51.100.1,203.0.113.9"), 1)).toBe("ipv4:203.0.113.9");
  });

  it("takes the address the outermost of two trusted proxies saw, ignoring what the client prepended", () => {
    expect(clientKey(forwarded("1.1.1.1, 203.0.113.9, 35.191.0.1"), 2)).toBe("ipv4:203.0.113.9");
  });

  it("reads repeated headers as one list", () => {
    const headers = new Headers();
    headers.append("x-forwarded-for", "1.1.1.1");
    headers.append("x-forwarded-for", "203.0.113.9");
    expect(clientKey(headers, 1)).toBe("ipv4:203.0.113.9");
  });

  it("counts a request that did not come through the proxies as the unidentified client", () => {
    expect(clientKey(forwarded(null), 1)).toBe(UNIDENTIFIED_CLIENT);
    expect(clientKey(forwarded(""), 1)).toBe(UNIDENTIFIED_CLIENT);
    expect(clientKey(forwarded("203.0.113.9"), 2)).toBe(UNIDENTIFIED_CLIENT);
    expect(clientKey(forwarded("1.1.1.1, not-an-address"), 1)).toBe(UNIDENTIFIED_CLIENT);
    expect(clientKey(forwarded("1.1.1.1, unknown"), 1)).toBe(UNIDENTIFIED_CLIENT);
  });
});

describe("addressKey", () => {
  it("keys an IPv4 address by itself", () => {
    expect(addressKey("203.0.113.9")).toBe("ipv4:203.0.113.9");
    expect(addressKey(" 203.0.113.9 ")).toBe("ipv4:203.0.113.9");
  });

  it("keys an IPv6 address by its /64, however it is written", () => {
    const key = "ipv6:2001:db8:aa:bb::/64";
    expect(addressKey("2001:db8:aa:bb::1")).toBe(key);
    expect(addressKey("2001:0DB8:00AA:00BB:1234:5678:9ABC:DEF0")).toBe(key);
    expect(addressKey("[2001:db8:aa:bb::42]")).toBe(key);
    expect(addressKey("2001:db8:aa:bb::1%eth0")).toBe(key);
    expect(addressKey("2001:db8:aa:bc::1")).toBe("ipv6:2001:db8:aa:bc::/64");
    expect(addressKey("::1")).toBe("ipv6:0:0:0:0::/64");
    expect(addressKey("2001:db8::")).toBe("ipv6:2001:db8:0:0::/64");
    expect(addressKey("64:ff9b::192.0.2.1")).toBe("ipv6:64:ff9b:0:0::/64");
  });

  it("keys an IPv4-mapped IPv6 address as the IPv4 client it is", () => {
    expect(addressKey("::ffff:203.0.113.9")).toBe("ipv4:203.0.113.9");
    expect(addressKey("::ffff:cb00:7109")).toBe("ipv4:203.0.113.9");
  });

  it.each(["", "unknown", "203.0.113", "203.0.113.256", "2001:db8::1::2", "example.com", "203.0.113.9:443"])(
    "refuses %j",
    (value) => {
      expect(addressKey(value)).toBeNull();
    },
  );
});

/**
 * The browser's api client asks in the page's language (so the API's error messages
 * come back in it) and turns failures without an answer of ours into codes the page
 * words itself.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, ApiError, NETWORK_ERROR, UNEXPECTED_ANSWER } from "../../components/shared/api-client";

function pageIn(lang: string) {
  vi.stubGlobal("document", { documentElement: { lang } });
}

function answering(response: Response) {
  const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(response);
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

function sentHeaders(fetch: ReturnType<typeof answering>): Headers {
  return new Headers(fetch.mock.calls[0]?.[1]?.headers);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("api", () => {
  it.each(["ko", "en"])("sends Accept-Language of a page in %s", async (lang) => {
    pageIn(lang);
    const fetch = answering(new Response('{"ok":true}'));
    await expect(api("/api/me")).resolves.toEqual({ ok: true });
    expect(sentHeaders(fetch).get("accept-language")).toBe(lang);
  });

  it("sends no Accept-Language when the page's language is not one of ours", async () => {
    pageIn("fr");
    const fetch = answering(new Response(""));
    await api("/api/me");
    expect(sentHeaders(fetch).has("accept-language")).toBe(false);
  });

  it("passes keepalive and a JSON body on", async () => {
    pageIn("en");
    const fetch = answering(new Response(null, { status: 204 }));
    await api("/api/account/preferences", { method: "PUT", body: { locale: "ko" }, keepalive: true });
    const init = fetch.mock.calls[0]?.[1];
    expect(init).toMatchObject({ method: "PUT", keepalive: true, body: '{"locale":"ko"}' });
    expect(sentHeaders(fetch).get("content-type")).toBe("application/json");
  });

  it("keeps the server's error code and message", async () => {
    pageIn("ko");
    answering(
      Response.json({ error: { code: "INSUFFICIENT_POINTS", message: "포인트가 부족합니다." } }, { status: 402 }),
    );
    const failure = await api("/api/generations").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 402, code: "INSUFFICIENT_POINTS", message: "포인트가 부족합니다." });
  });

  it("marks an answer without our error shape, and no answer at all", async () => {
    pageIn("ko");
    answering(new Response("<html>Bad gateway</html>", { status: 502 }));
    await expect(api("/api/me")).rejects.toMatchObject({ status: 502, code: UNEXPECTED_ANSWER });
    vi.stubGlobal("fetch", vi.fn<typeof globalThis.fetch>().mockRejectedValue(new TypeError("Failed to fetch")));
    await expect(api("/api/me")).rejects.toMatchObject({ status: 0, code: NETWORK_ERROR });
  });
});

import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { createRequire } from "node:module";
import { relative } from "node:path";
import { MAX_BODY_BYTES } from "./lib/http/read-json";
import { API_CONTENT_SECURITY_POLICY, FIXED_SECURITY_HEADERS } from "./lib/http/security-headers";
import { ensureUiFontSubset } from "./scripts/ui-font-subset";

/** Turbopack takes an alias as a path relative to the project, as next-intl's plugin does. */
const FORMAT_PRECOMPILED = `./${relative(process.cwd(), createRequire(import.meta.url).resolve("use-intl/format-message/format-only"))}`;

/**
 * Headers that are the same for every deployment, on every answer, Next's own
 * (404s, 405s) included. What depends on the request or the configuration is set at
 * run time: the pages' Content-Security-Policy with its nonce by proxy.ts, HSTS by
 * proxy.ts and the route wrappers (lib/http/security-headers.ts has them all).
 */
const nextConfig: NextConfig = {
  // The e2e tests build into a folder of their own so a running local stack is never disturbed.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Native modules and firebase-admin run as plain Node packages, not bundled.
  serverExternalPackages: ["better-sqlite3", "sharp", "firebase-admin"],
  experimental: {
    // Next keeps a copy of the body of every request proxy.ts sees (10 MB by default).
    // Pages take no body, and a body cut off here is still too large for readJson.
    proxyClientMaxBodySize: MAX_BODY_BYTES + 1,
    // The pages' CSS (about 8 KB compressed) comes inside the page: a first visit paints
    // without waiting for four stylesheet requests (Lighthouse counted ~0.9 s on a phone).
    inlineCss: true,
  },
  turbopack: {
    // Messages compiled at build time, formatted by use-intl's formatter without the ICU
    // parser (about 9 KB less on every page): ARCHITECTURE.md, Languages.
    rules: {
      "*.json": {
        condition: { path: "./messages/**" },
        loaders: ["./scripts/precompile-messages-loader.mjs"],
        as: "*.json",
      },
    },
    resolveAlias: { "use-intl/format-message": FORMAT_PRECOMPILED },
  },
  async headers() {
    return [
      { source: "/:path*", headers: [...FIXED_SECURITY_HEADERS] },
      // API answers are data, never documents: nothing in them may run or load.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

/** next-intl reads each request's language and messages from i18n/request.ts. */
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** app/fonts.ts loads the UI font from a file made from the texts: made (or checked) first. */
export default async function config(): Promise<NextConfig> {
  await ensureUiFontSubset();
  return withNextIntl(nextConfig);
}

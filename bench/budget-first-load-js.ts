/**
 * Budget: first-load JavaScript of at most 120 kB compressed on the landing and
 * generate pages. Starts the production build on free ports with a data folder of its
 * own, makes a member through the real paths, then opens every page of
 * bench/support/bench-pages.ts in both languages in Debian's Chromium, each in a
 * fresh browser context (empty cache), signed in for member pages, and records every
 * script it fetches until its network is idle, without any interaction.
 *
 * Per page: the compressed bytes as served (the server's gzip; gzip computed here for a
 * script served plain), gzip and brotli computed here from the script itself (brotli
 * is what a CDN in front would serve), and the uncompressed size; scripts fetched after the load event (prefetches, lazy chunks)
 * are counted too and shown apart. Then the font bytes a Korean page downloads
 * (Pretendard, app/fonts.ts). `--scripts <page>` lists that page's scripts one by one.
 * Exits 1 when landing or generate is over the budget in either language.
 *
 * Last, the framework's floor: bench/framework-floor/ is the smallest App Router page
 * (a heading and a next/link), built with this repository's next and react; its
 * scripts (the modern ones, not the polyfills that only old browsers fetch) are what
 * any page of ours ships before a line of our own code.
 *
 *   npm run bench:first-load-js [-- --scripts generate]
 *
 * The npm script builds first; NEXT_DIST_DIR picks the build folder (default .next).
 * 1 kB here is 1,000 bytes.
 */
import { chromium, type Browser, type Request } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { loadEnvFile } from "../lib/config/env";
import { createBenchMember, type BenchMember } from "./support/bench-member";
import {
  benchPages,
  CHROMIUM,
  CHROMIUM_FLAGS,
  LOCALES,
  pageUrl,
  signIn,
  type BenchPage,
  type Locale,
} from "./support/bench-pages";
import { startProbeStack } from "./support/probe-stack";

const { values: args } = parseArgs({
  options: {
    scripts: { type: "string", multiple: true },
  },
});

const BUDGET_BYTES = 120_000;
const BUDGET_PAGES = ["landing", "generate"];
/** How long a page may keep fetching after its load event (a live stream never idles). */
const SETTLE_MS = 5_000;

interface Totals {
  /** As served when the server compressed it, else gzip computed here. */
  compressed: number;
  gzip: number;
  brotli: number;
  raw: number;
}

interface ScriptSize extends Totals {
  url: string;
  afterLoad: boolean;
  encoding: string;
}

interface Visit {
  page: string;
  locale: Locale;
  unmeasured: string | null;
  scripts: ScriptSize[];
  fonts: { url: string; bytes: number }[];
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

function totals(scripts: readonly Totals[]): Totals {
  return scripts.reduce(
    (sum, s) => ({
      compressed: sum.compressed + s.compressed,
      gzip: sum.gzip + s.gzip,
      brotli: sum.brotli + s.brotli,
      raw: sum.raw + s.raw,
    }),
    { compressed: 0, gzip: 0, brotli: 0, raw: 0 },
  );
}

async function visit(
  browser: Browser,
  baseUrl: string,
  member: BenchMember,
  page: BenchPage,
  locale: Locale,
): Promise<Visit> {
  const result: Visit = { page: page.name, locale, unmeasured: null, scripts: [], fonts: [] };
  const context = await browser.newContext();
  const pending: Promise<void>[] = [];
  try {
    if (page.signedIn) await signIn(context, baseUrl, member);
    const tab = await context.newPage();
    let loaded = false;
    const startedAfterLoad = new Set<Request>();
    tab.on("load", () => (loaded = true));
    tab.on("request", (request) => {
      if (loaded) startedAfterLoad.add(request);
    });
    tab.on("requestfinished", (request) => {
      const type = request.resourceType();
      if (type !== "script" && type !== "font") return;
      pending.push(
        (async () => {
          const response = await request.response();
          if (!response) return;
          const [sizes, body] = await Promise.all([request.sizes(), response.body()]);
          if (type === "font") {
            result.fonts.push({ url: request.url(), bytes: sizes.responseBodySize });
            return;
          }
          const encoding = response.headers()["content-encoding"] ?? "none";
          const computed = compressedSizes(body);
          result.scripts.push({
            url: request.url(),
            afterLoad: startedAfterLoad.has(request),
            encoding,
            compressed: encoding === "none" ? computed.gzip : sizes.responseBodySize,
            ...computed,
          });
        })(),
      );
    });
    const response = await tab.goto(pageUrl(baseUrl, locale, page.path), { waitUntil: "load" });
    const status = response?.status() ?? 0;
    if (status !== page.expectedStatus) {
      result.unmeasured = status === 404 ? "missing (404)" : `answered ${status}`;
      return result;
    }
    await tab.waitForLoadState("networkidle", { timeout: SETTLE_MS }).catch(() => undefined);
    await Promise.all(pending);
  } catch (error) {
    result.unmeasured = `failed: ${(error as Error).message.split("\n")[0]}`;
  } finally {
    // Sizes are read from the browser, so it stays open until every read is done.
    await Promise.allSettled(pending);
    await context.close();
  }
  return result;
}

const FLOOR_APP = join(import.meta.dirname, "framework-floor");

function compressedSizes(body: Buffer): Pick<ScriptSize, "gzip" | "brotli" | "raw"> {
  return {
    gzip: gzipSync(body).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    raw: body.length,
  };
}

/** Builds bench/framework-floor and sums the scripts its page loads (noModule polyfills left out). */
function frameworkFloor(): Totals & { scripts: number } {
  execFileSync(join(process.cwd(), "node_modules/.bin/next"), ["build"], { cwd: FLOOR_APP, stdio: "ignore" });
  const html = readFileSync(join(FLOOR_APP, ".next/server/app/index.html"), "utf8");
  const sources = [...html.matchAll(/<script\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => !/\bnoModule\b/i.test(tag))
    .flatMap((tag) => /\bsrc="\/_next\/([^"]+)"/.exec(tag)?.[1] ?? []);
  const sizes = sources.map((source) => compressedSizes(readFileSync(join(FLOOR_APP, ".next", source))));
  return { ...totals(sizes.map((size) => ({ ...size, compressed: size.gzip }))), scripts: sizes.length };
}

function printTable(visits: Visit[]): void {
  const width = Math.max(4, ...visits.map((v) => v.page.length));
  console.log(
    `\nFirst-load JavaScript per page, in kB (1 kB = 1,000 bytes); budget ${kB(BUDGET_BYTES)} kB compressed on ${BUDGET_PAGES.join(" and ")}`,
  );
  console.log(`${"page".padEnd(width)}  lang  scripts  compr.  gzip    brotli  raw      of which after load (compr.)`);
  for (const v of visits) {
    if (v.unmeasured) {
      console.log(`${v.page.padEnd(width)}  ${v.locale.padEnd(4)}  not measured: ${v.unmeasured}`);
      continue;
    }
    const all = totals(v.scripts);
    const later = v.scripts.filter((s) => s.afterLoad);
    const over = BUDGET_PAGES.includes(v.page) && all.compressed > BUDGET_BYTES ? "  over budget" : "";
    console.log(
      `${v.page.padEnd(width)}  ${v.locale.padEnd(4)}  ${String(v.scripts.length).padStart(7)}  ${kB(all.compressed).padStart(6)}  ${kB(all.gzip).padStart(6)}  ${kB(all.brotli).padStart(6)}  ${kB(all.raw).padStart(7)}  ${later.length} (${kB(totals(later).compressed)})${over}`,
    );
  }
}

function printScripts(visit: Visit): void {
  console.log(
    `\nScripts of ${visit.page} (${visit.locale}), largest first: compressed as served, encoding, gzip, brotli, raw kB`,
  );
  for (const s of [...visit.scripts].sort((a, b) => b.raw - a.raw)) {
    const path = new URL(s.url).pathname;
    console.log(
      `  ${kB(s.compressed).padStart(6)} ${s.encoding.padEnd(4)} ${kB(s.gzip).padStart(6)} ${kB(s.brotli).padStart(6)} ${kB(s.raw).padStart(7)}  ${path}${s.afterLoad ? "  (after load)" : ""}`,
    );
  }
}

async function main(): Promise<void> {
  const stack = await startProbeStack({ name: "first-load-js", env: { LOG_LEVEL: "warn" } });
  let browser: Browser | undefined;
  try {
    const member = await createBenchMember(stack);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    const visits: Visit[] = [];
    for (const page of benchPages(member)) {
      for (const locale of LOCALES) visits.push(await visit(browser, stack.url, member, page, locale));
    }
    printTable(visits);
    for (const v of visits) {
      if (args.scripts?.includes(v.page) && !v.unmeasured) printScripts(v);
    }

    const korean = visits.find((v) => v.page === "landing" && v.locale === "ko");
    if (korean) {
      const fontBytes = korean.fonts.reduce((sum, font) => sum + font.bytes, 0);
      console.log(
        `\nFonts of the Korean landing page: ${kB(fontBytes)} kB in ${korean.fonts.length} ${korean.fonts.length === 1 ? "file" : "files"}`,
      );
      for (const font of korean.fonts) console.log(`  ${kB(font.bytes).padStart(6)}  ${new URL(font.url).pathname}`);
    }

    const floor = frameworkFloor();
    console.log(
      `\nThe framework's floor (bench/framework-floor: one heading and one link, ${floor.scripts} scripts): ` +
        `gzip ${kB(floor.gzip)} kB, brotli ${kB(floor.brotli)} kB, raw ${kB(floor.raw)} kB`,
    );

    const over = visits.filter(
      (v) => BUDGET_PAGES.includes(v.page) && (v.unmeasured || totals(v.scripts).compressed > BUDGET_BYTES),
    );
    if (over.length > 0) {
      console.log(`\nOver budget or not measured: ${over.map((v) => `${v.page} ${v.locale}`).join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    await browser?.close();
    await stack.stop();
  }
}

loadEnvFile();
await main();

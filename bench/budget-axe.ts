/**
 * Budget: no axe violation on any page, in either language, light or dark. Starts the
 * production build on free ports with a data folder of its own, makes a member through
 * the real paths (bench/support/bench-member.ts), then runs axe-core (every rule it
 * enables by default: WCAG 2.x A and AA, and best practices) on every page of
 * bench/support/bench-pages.ts in Debian's Chromium, signed in for member pages.
 *
 * Prints one row per page, language and color scheme with the ids of the rules
 * violated and how many elements break each, then where each rule broke. A page that
 * does not exist yet (404 where it should answer) or that sends the visitor elsewhere
 * is reported, not measured. Exits 1 when any violation was found or any page could
 * not be measured.
 *
 *   npm run bench:axe [-- --page landing --locale ko]
 *
 * The npm script builds first; NEXT_DIST_DIR picks the build folder (default .next).
 */
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "@playwright/test";
import { parseArgs } from "node:util";
import { loadEnvFile } from "../lib/config/env";
import { createBenchMember, type BenchMember } from "./support/bench-member";
import {
  benchPages,
  CHROMIUM,
  CHROMIUM_FLAGS,
  COLOR_SCHEMES,
  LOCALES,
  pageUrl,
  signIn,
  type BenchPage,
  type ColorScheme,
  type Locale,
} from "./support/bench-pages";
import { startProbeStack } from "./support/probe-stack";

const { values: args } = parseArgs({
  options: {
    page: { type: "string", multiple: true },
    locale: { type: "string", multiple: true },
  },
});

/** How long a page may keep fetching after its load event before axe looks at it anyway (a live stream never idles). */
const SETTLE_MS = 5_000;

interface RuleCount {
  id: string;
  impact: string;
  help: string;
  count: number;
  targets: string[];
}

interface Row {
  page: string;
  locale: Locale;
  scheme: ColorScheme;
  /** Why the page could not be measured, when it could not. */
  unmeasured: string | null;
  rules: RuleCount[];
}

async function settle(tab: Page): Promise<void> {
  await tab.waitForLoadState("networkidle", { timeout: SETTLE_MS }).catch(() => undefined);
}

async function audit(
  browser: Browser,
  baseUrl: string,
  member: BenchMember,
  page: BenchPage,
  locale: Locale,
  scheme: ColorScheme,
): Promise<Row> {
  const row: Row = { page: page.name, locale, scheme, unmeasured: null, rules: [] };
  const context = await browser.newContext();
  try {
    if (page.signedIn) await signIn(context, baseUrl, member);
    const tab = await context.newPage();
    await tab.emulateMedia({ colorScheme: scheme });
    const url = pageUrl(baseUrl, locale, page.path);
    const response = await tab.goto(url, { waitUntil: "load" });
    const status = response?.status() ?? 0;
    if (status !== page.expectedStatus) {
      row.unmeasured = status === 404 ? "missing (404)" : `answered ${status}`;
      return row;
    }
    await settle(tab);
    const landed = new URL(tab.url()).pathname;
    if (landed !== new URL(url).pathname) {
      row.unmeasured = `sent to ${landed}`;
      return row;
    }
    const results = await new AxeBuilder({ page: tab }).analyze();
    row.rules = results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? "unknown",
      help: violation.help,
      count: violation.nodes.length,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
    }));
  } catch (error) {
    row.unmeasured = `failed: ${(error as Error).message.split("\n")[0]}`;
  } finally {
    await context.close();
  }
  return row;
}

function printTable(rows: Row[]): void {
  const pageWidth = Math.max(4, ...rows.map((row) => row.page.length));
  console.log(`\n${"page".padEnd(pageWidth)}  lang  scheme  violations`);
  for (const row of rows) {
    const found = row.unmeasured
      ? `not measured: ${row.unmeasured}`
      : row.rules.length === 0
        ? "0"
        : row.rules.map((rule) => `${rule.id} ×${rule.count}`).join(", ");
    console.log(`${row.page.padEnd(pageWidth)}  ${row.locale.padEnd(4)}  ${row.scheme.padEnd(6)}  ${found}`);
  }
}

/** Each rule once, with the pages it broke on and a few of the elements, so it can be found and fixed. */
function printDetails(rows: Row[]): void {
  const byRule = new Map<string, { rule: RuleCount; where: string[] }>();
  for (const row of rows) {
    for (const rule of row.rules) {
      const entry = byRule.get(rule.id) ?? { rule, where: [] };
      entry.where.push(`${row.page} ${row.locale} ${row.scheme}`);
      byRule.set(rule.id, entry);
    }
  }
  if (byRule.size === 0) return;
  console.log("\nRules violated");
  for (const { rule, where } of byRule.values()) {
    console.log(`  ${rule.id} (${rule.impact}): ${rule.help}`);
    console.log(`    on ${where.length} of the runs: ${where.slice(0, 6).join("; ")}${where.length > 6 ? "; …" : ""}`);
    console.log(`    e.g. ${rule.targets.join(" | ")}`);
  }
}

async function main(): Promise<void> {
  const stack = await startProbeStack({ name: "axe", env: { LOG_LEVEL: "warn" } });
  let browser: Browser | undefined;
  try {
    const member = await createBenchMember(stack);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    const pages = benchPages(member).filter((page) => !args.page || args.page.includes(page.name));
    const locales = LOCALES.filter((locale) => !args.locale || args.locale.includes(locale));
    const rows: Row[] = [];
    for (const locale of locales) {
      for (const scheme of COLOR_SCHEMES) {
        for (const page of pages) rows.push(await audit(browser, stack.url, member, page, locale, scheme));
      }
    }
    printTable(rows);
    printDetails(rows);

    const violations = rows.reduce((sum, row) => sum + row.rules.reduce((n, rule) => n + rule.count, 0), 0);
    const unmeasured = rows.filter((row) => row.unmeasured).length;
    const clean = rows.filter((row) => !row.unmeasured && row.rules.length === 0).length;
    console.log(
      `\n${rows.length} runs: ${clean} without violations, ${rows.length - clean - unmeasured} with violations (${violations} elements in all), ${unmeasured} not measured`,
    );
    if (violations > 0 || unmeasured > 0) process.exitCode = 1;
  } finally {
    await browser?.close();
    await stack.stop();
  }
}

loadEnvFile();
await main();

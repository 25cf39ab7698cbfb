/**
 * Budget: Lighthouse mobile performance of at least 95 on the landing, generate and
 * gallery pages. Starts the production build on free ports with a data folder of its
 * own, makes a member through the real paths (their gallery has images), then runs
 * Lighthouse (its default mobile form factor and simulated throttling, performance
 * only) in Debian's Chromium, a fresh browser for each run, `--runs` times per page
 * and language. The member pages are measured signed in (the session cookie goes in
 * Lighthouse's extraHeaders); the landing page as a first-time visitor sees it.
 *
 * Prints the median of each figure over the runs: performance score (and each run's),
 * LCP, CLS, TBT and total transfer, and the machine's benchmark index. A run that ended on another address (a member
 * page that sent the visitor to sign in) is reported, not counted. Exits 1 when a
 * median score is under 95 or a page could not be measured.
 *
 *   npm run bench:lighthouse [-- --runs 3 --page gallery --locale ko]
 *
 * The npm script builds first; NEXT_DIST_DIR picks the build folder (default .next).
 * Simulated throttling derives its figures from what the machine observed: a busy
 * machine scores lower, so compare figures taken on the same machine at rest. And on
 * localhost every file arrives at once: whether a file (the web font) finished before
 * the first paint, and so is charged to FCP and LCP, can differ from run to run, which
 * the score of each run shows.
 */
import { launch } from "chrome-launcher";
import lighthouse, { type Flags } from "lighthouse";
import { parseArgs } from "node:util";
import { loadEnvFile } from "../lib/config/env";
import { SESSION_COOKIE } from "../lib/http/session-cookie";
import { createBenchMember } from "./support/bench-member";
import { benchPages, CHROMIUM, CHROMIUM_FLAGS, LOCALES, pageUrl } from "./support/bench-pages";
import { startProbeStack } from "./support/probe-stack";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    page: { type: "string", multiple: true },
    locale: { type: "string", multiple: true },
  },
});
const RUNS = Number(args.runs);
const BUDGET_SCORE = 95;
const MEASURED_PAGES = ["landing", "generate", "gallery"];

interface Run {
  score: number;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  transferBytes: number;
  benchmarkIndex: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The medians of a page's runs, and each run's score. */
function row(runs: Run[]): string {
  const scores = runs.map((run) => run.score);
  const at = (pick: (run: Run) => number) => median(runs.map(pick));
  return [
    `${median(scores)} (${scores.join(", ")})`.padEnd(20),
    `${(at((r) => r.lcpMs) / 1000).toFixed(2)} s`.padStart(7),
    `${at((r) => r.cls).toFixed(3)}`.padStart(6),
    `${Math.round(at((r) => r.tbtMs))} ms`.padStart(7),
    `${(at((r) => r.transferBytes) / 1024).toFixed(1)} KiB`.padStart(11),
  ].join("  ");
}

/** One Lighthouse run in a browser of its own; the figures, or why there are none. */
async function measure(url: string, cookie: string | null): Promise<Run | string> {
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS] });
  try {
    const flags: Flags = {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    };
    const result = await lighthouse(url, flags);
    if (!result) return "no result";
    const { lhr } = result;
    if (lhr.runtimeError) return `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`;
    const landed = new URL(lhr.finalDisplayedUrl).pathname;
    if (landed !== new URL(url).pathname) return `sent to ${landed}`;
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      score: Math.round((lhr.categories.performance?.score ?? NaN) * 100),
      lcpMs: audit("largest-contentful-paint"),
      cls: audit("cumulative-layout-shift"),
      tbtMs: audit("total-blocking-time"),
      transferBytes: audit("total-byte-weight"),
      benchmarkIndex: lhr.environment.benchmarkIndex,
    };
  } finally {
    chrome.kill();
  }
}

async function main(): Promise<void> {
  const stack = await startProbeStack({ name: "lighthouse", env: { LOG_LEVEL: "warn" } });
  let failed = false;
  try {
    const member = await createBenchMember(stack);
    const cookie = `${SESSION_COOKIE}=${member.sessionCookie}`;
    const pages = benchPages(member).filter(
      (page) => MEASURED_PAGES.includes(page.name) && (!args.page || args.page.includes(page.name)),
    );
    const locales = LOCALES.filter((locale) => !args.locale || args.locale.includes(locale));
    const lines: string[] = [];
    const benchmarkIndexes: number[] = [];
    for (const page of pages) {
      for (const locale of locales) {
        const url = pageUrl(stack.url, locale, page.path);
        const runs: Run[] = [];
        const problems: string[] = [];
        for (let i = 0; i < RUNS; i++) {
          const outcome = await measure(url, page.signedIn ? cookie : null);
          if (typeof outcome === "string") problems.push(outcome);
          else {
            runs.push(outcome);
            benchmarkIndexes.push(outcome.benchmarkIndex);
          }
        }
        const name = `${page.name.padEnd(8)}  ${locale.padEnd(4)}`;
        if (runs.length === 0) {
          failed = true;
          lines.push(`${name}  not measured: ${[...new Set(problems)].join("; ")}`);
          continue;
        }
        const score = median(runs.map((run) => run.score));
        if (score < BUDGET_SCORE || problems.length > 0) failed = true;
        const notCounted =
          problems.length > 0 ? `  (${problems.length} runs not counted: ${[...new Set(problems)].join("; ")})` : "";
        lines.push(`${name}  ${row(runs)}${notCounted}`);
      }
    }
    console.log(
      `\nLighthouse ${RUNS} runs per page, mobile, simulated throttling: medians (budget: score ≥ ${BUDGET_SCORE})`,
    );
    console.log(`page      lang  score (each run)          LCP     CLS      TBT     transfer`);
    for (const line of lines) console.log(line);
    console.log(
      `Benchmark index of this machine (Lighthouse's CPU score; a busy machine scores less): ${Math.round(median(benchmarkIndexes))}`,
    );
    if (failed) process.exitCode = 1;
  } finally {
    await stack.stop();
  }
}

loadEnvFile();
await main();

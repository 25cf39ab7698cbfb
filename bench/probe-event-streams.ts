/**
 * What open live-update streams cost the server. Starts the production app (no
 * worker, so the job stays queued and nothing changes), signs up a member with one
 * queued generation, then measures with no stream open and with `--streams` streams
 * on that job (GET /api/generations/{id}/events): the web server's CPU (from
 * /proc/<pid>/stat of its process group) over a quiet window, then its CPU and the
 * latency of other API calls made meanwhile (GET /api/points, one after another,
 * 20 a second). Prints figures, asserts nothing.
 *
 *   npm run bench:event-streams [-- --streams 300 --seconds 5]
 *
 * The npm script builds first; NEXT_DIST_DIR picks the build folder (default .next).
 *
 * Extra settings for the app go through as environment (e.g. EVENT_STREAMS_PER_MEMBER).
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadEnvFile } from "../lib/config/env";
import { startProbeStack } from "./support/probe-stack";
import { api, identityToolkit } from "./support/bench-http";

const { values: args } = parseArgs({
  options: {
    streams: { type: "string", default: "300" },
    seconds: { type: "string", default: "5" },
    settle: { type: "string", default: "2" },
  },
});
const STREAMS = Number(args.streams);
const WINDOW_MS = Number(args.seconds) * 1000;
const SETTLE_MS = Number(args.settle) * 1000;
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** CPU ticks (user + system) of every process in the group led by `pid`: `next start` may fork. */
function groupCpuTicks(pid: number): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name, which may itself contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== pid) continue; // field 5: process group
    ticks += Number(fields[11]) + Number(fields[12]); // fields 14 and 15: utime, stime
  }
  return ticks;
}

/** The server's CPU over a window in which the probe itself sends nothing. */
async function quietCpu(webPid: number): Promise<number> {
  const startTicks = groupCpuTicks(webPid);
  const started = performance.now();
  await sleep(WINDOW_MS);
  const seconds = (performance.now() - started) / 1000;
  return ((groupCpuTicks(webPid) - startTicks) / TICKS_PER_SECOND / seconds) * 100;
}

interface Window {
  quietCpuPercent: number;
  cpuPercent: number;
  calls: number;
  p50: number;
  p95: number;
}

/** Server CPU and the latency of member calls made one after another over the window. */
async function measure(url: string, token: string, webPid: number): Promise<Window> {
  const quietCpuPercent = await quietCpu(webPid);
  const latencies: number[] = [];
  const startTicks = groupCpuTicks(webPid);
  const started = performance.now();
  while (performance.now() - started < WINDOW_MS) {
    const before = performance.now();
    await api(url, token, "/api/points");
    latencies.push(performance.now() - before);
    await sleep(50);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuPercent = ((groupCpuTicks(webPid) - startTicks) / TICKS_PER_SECOND / seconds) * 100;
  latencies.sort((a, b) => a - b);
  return {
    quietCpuPercent,
    cpuPercent,
    calls: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

async function main(): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(resolve(distDir, "BUILD_ID")))
    throw new Error(`No production build in ${distDir}: run NEXT_DIST_DIR=${distDir} npx next build first.`);
  const stack = await startProbeStack({ name: "event-streams", worker: false, env: { LOG_LEVEL: "warn" } });
  const streams = new AbortController();
  try {
    const { authHost } = stack;
    const { idToken } = await identityToolkit<{ idToken: string }>(authHost, "accounts:signUp", {
      email: `bench-${randomUUID()}@example.test`,
      password: "correct horse battery",
      returnSecureToken: true,
    });
    const { url } = stack;
    await api(url, idToken, "/api/account", {
      method: "POST",
      body: JSON.stringify({
        name: "Bench",
        ageConfirmed: true,
        consents: { terms: true, privacy: true, marketing: false },
      }),
    });
    const { orderId } = await api<{ orderId: string }>(url, idToken, "/api/orders", {
      method: "POST",
      body: JSON.stringify({ packageId: "points-1000", provider: "sandbox" }),
    });
    await api(url, idToken, `/api/payments/sandbox/${orderId}/complete`, { method: "POST" });
    const job = await api<{ id: string }>(url, idToken, "/api/generations", {
      method: "POST",
      body: JSON.stringify({ prompt: "a queued job", model: "local-sketch", size: "512x512", count: 1 }),
    });

    await sleep(SETTLE_MS);
    const idle = await measure(url, idToken, stack.webPid);

    const statuses = await Promise.all(
      Array.from({ length: STREAMS }, async () => {
        try {
          const response = await fetch(`${url}/api/generations/${job.id}/events`, {
            headers: { authorization: `Bearer ${idToken}` },
            signal: streams.signal,
          });
          if (response.ok && response.body) {
            // Keep reading, as a browser would, until the probe ends.
            void response.body.pipeTo(new WritableStream()).catch(() => undefined);
          } else {
            await response.body?.cancel();
          }
          return { status: response.status, retryAfter: response.headers.get("retry-after") };
        } catch (error) {
          return { status: 0, retryAfter: (error as Error).message };
        }
      }),
    );
    await sleep(SETTLE_MS);
    const busy = await measure(url, idToken, stack.webPid);

    const accepted = statuses.filter((s) => s.status === 200).length;
    const refused = statuses.filter((s) => s.status === 429);
    const other = statuses.filter((s) => s.status !== 200 && s.status !== 429);
    const fmt = (w: Window) =>
      `CPU ${w.quietCpuPercent.toFixed(1)}% quiet, ${w.cpuPercent.toFixed(1)}% with other calls; their p50 ${w.p50.toFixed(1)} ms  p95 ${w.p95.toFixed(1)} ms  (${w.calls} calls)`;
    console.log(`\nEvent streams on one queued job (${(WINDOW_MS / 1000).toFixed(0)} s windows, build ${distDir})`);
    console.log(
      `  streams requested ${STREAMS}: accepted ${accepted}, refused ${refused.length} (429, Retry-After ${refused[0]?.retryAfter ?? "-"})` +
        (other.length > 0 ? `, other ${other.length} (${[...new Set(other.map((s) => s.status))].join(", ")})` : ""),
    );
    console.log(`  no streams:   ${fmt(idle)}`);
    console.log(`  with streams: ${fmt(busy)}`);
  } finally {
    streams.abort();
    await stack.stop();
  }
}

loadEnvFile();
await main();

/**
 * Probe, not a benchmark with a verdict: how much memory the production web server
 * spends on an unauthenticated, oversized request body sent without Content-Length
 * (Transfer-Encoding: chunked), the case a Content-Length check alone cannot stop.
 *
 * Builds the app (unless --skip-build), starts the local stack on free ports with a
 * temporary data folder, sends one small password-reset request to warm the route
 * up, then streams `--mb` megabytes of JSON-looking bytes to /api/password-reset
 * (or `--path`, such as a page, which passes through proxy.ts first)
 * with the app's own Origin and Content-Type (so only the body size is at issue).
 * Meanwhile it samples the next-server process's resident memory (VmRSS from
 * /proc/<pid>/status) and prints the figures and the status code.
 *
 *   npm run bench:chunked-body [-- --mb 256 --skip-build --dist-dir .next-bench --path /signin]
 */
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { request, type ClientRequest } from "node:http";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startProbeStack } from "./support/probe-stack";

const { values: args } = parseArgs({
  options: {
    mb: { type: "string", default: "256" },
    "dist-dir": { type: "string", default: ".next-bench" },
    path: { type: "string", default: "/api/password-reset" },
    "skip-build": { type: "boolean", default: false },
    "sample-ms": { type: "string", default: "25" },
  },
});

const totalBytes = Number(args.mb) * 1024 * 1024;
const distDir = args["dist-dir"];
const sampleMs = Number(args["sample-ms"]);
const CHUNK_BYTES = 64 * 1024;

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match?.[1]) throw new Error(`No VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

interface ChunkedResult {
  status: number | null;
  error: string | null;
  bytesWritten: number;
  bytesWrittenBeforeAnswer: number | null;
  answerMs: number | null;
  /** The server took no more bytes for STALL_MS: it stopped reading the body. */
  stalled: boolean;
  totalMs: number;
}

const STALL_MS = 2000;

/** Waits until the socket takes more bytes; false when it has not for STALL_MS or failed. */
async function drained(req: ClientRequest): Promise<boolean> {
  try {
    await once(req, "drain", { signal: AbortSignal.timeout(STALL_MS) });
    return true;
  } catch {
    return false;
  }
}

/** Streams `total` bytes in chunks until they are all sent or the server stops taking them. */
async function sendChunkedBody(url: string, origin: string, total: number): Promise<ChunkedResult> {
  const started = performance.now();
  const result: ChunkedResult = {
    status: null,
    error: null,
    bytesWritten: 0,
    bytesWrittenBeforeAnswer: null,
    answerMs: null,
    stalled: false,
    totalMs: 0,
  };
  const req = request(url, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
  });
  let failed = false;
  const finished = new Promise<void>((resolveFinished) => {
    req.on("response", (response) => {
      result.status = response.statusCode ?? null;
      result.bytesWrittenBeforeAnswer = result.bytesWritten;
      result.answerMs = performance.now() - started;
      response.resume();
      response.on("end", () => resolveFinished());
      response.on("error", () => resolveFinished());
    });
    req.on("error", (error) => {
      failed = true;
      result.error = (error as NodeJS.ErrnoException).code ?? error.message;
      resolveFinished();
    });
  });
  const opening = Buffer.from('{"email":"');
  const filler = Buffer.alloc(CHUNK_BYTES, "a");
  req.write(opening);
  result.bytesWritten += opening.length;
  // Keep sending after an answer, as a client that ignores it would: what counts is whether the server still reads.
  while (!failed && result.bytesWritten < total) {
    const chunk = filler.subarray(0, Math.min(CHUNK_BYTES, total - result.bytesWritten));
    const flushed = req.write(chunk);
    result.bytesWritten += chunk.length;
    if (!flushed && !(await drained(req))) {
      result.stalled = !failed;
      break;
    }
  }
  if (result.stalled) req.destroy();
  else if (!failed) req.end('@example.test"}');
  await finished;
  result.totalMs = performance.now() - started;
  return result;
}

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, "..");
  if (!args["skip-build"]) {
    console.log(`Building the app into ${distDir}…`);
    execFileSync(join(root, "node_modules", ".bin", "next"), ["build"], {
      cwd: root,
      stdio: "ignore",
      env: { ...process.env, NEXT_DIST_DIR: distDir },
    });
  }
  const stack = await startProbeStack({ name: "chunked-body", env: { NEXT_DIST_DIR: distDir, LOG_LEVEL: "warn" } });
  try {
    const pid = stack.webPid;
    const url = `${stack.url}${args.path}`;
    const warmUp = await fetch(`${stack.url}/api/password-reset`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: stack.url },
      body: JSON.stringify({ email: "probe@example.test" }),
    });
    console.log(`Warm-up request: ${warmUp.status}`);

    const before = rssMiB(pid);
    let peak = before;
    const sampler = setInterval(() => {
      try {
        peak = Math.max(peak, rssMiB(pid));
      } catch {
        // the server died: the result below says so
      }
    }, sampleMs);
    const result = await sendChunkedBody(url, stack.url, totalBytes);
    clearInterval(sampler);
    peak = Math.max(peak, rssMiB(pid));
    const afterAnswer = rssMiB(pid);
    // Give the server two seconds to release what it held; whatever is still held then stays.
    await new Promise((r) => setTimeout(r, 2000));
    const after = rssMiB(pid);

    const mib = (bytes: number | null) => (bytes === null ? "-" : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);
    console.log(`\nChunked body of ${args.mb} MiB to POST ${args.path} (next-server pid ${pid})`);
    console.log(
      `  status:                     ${result.status ?? "no answer"}${result.error ? ` (${result.error})` : ""}`,
    );
    console.log(
      `  answered after:             ${result.answerMs === null ? "-" : `${result.answerMs.toFixed(0)} ms`}, ${mib(result.bytesWrittenBeforeAnswer)} sent by then`,
    );
    const ending = result.stalled ? `the server stopped reading for ${STALL_MS} ms` : (result.error ?? "all sent");
    console.log(
      `  upload ended after:         ${mib(result.bytesWritten)} of ${mib(totalBytes)} (${result.totalMs.toFixed(0)} ms): ${ending}`,
    );
    console.log(`  server RSS before:          ${before.toFixed(0)} MiB`);
    console.log(`  server RSS peak (during):   ${peak.toFixed(0)} MiB`);
    console.log(`  server RSS at the answer:   ${afterAnswer.toFixed(0)} MiB`);
    console.log(`  server RSS 2 s after:       ${after.toFixed(0)} MiB`);
  } finally {
    await stack.stop();
  }
}

await main();

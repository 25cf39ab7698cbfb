/**
 * Can the password-reset answer tell who has an account? Starts the local stack
 * (production build, worker, Auth emulator) on free ports with a temporary data
 * folder, creates real accounts, then times POST /api/password-reset for addresses
 * with and without an account, interleaved, and prints median and p95 of each and
 * the accuracy of the best single cut-off that tells them apart, next to what that
 * classifier reaches by chance on samples of this size.
 *
 * Every sample uses a fresh address (the limit is 3 an hour per address) and a
 * fresh client address in X-Forwarded-For, with the stack trusting one proxy hop,
 * so no sample is answered by a rate limit instead of the code being measured.
 *
 *   npm run bench:reset-timing [-- --samples 30 --warmup 10]
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { startProbeStack } from "./support/probe-stack";

const { values: args } = parseArgs({
  options: {
    samples: { type: "string", default: "30" },
    warmup: { type: "string", default: "10" },
  },
});
const samples = Number(args.samples);
const warmup = Number(args.warmup);

interface Sample {
  known: boolean;
  ms: number;
  status: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * The accuracy of the best rule "known when slower than t" or "known when faster
 * than t", over every cut-off t between two observed times: what an attacker who
 * knew the two distributions could reach with one request per address.
 */
function bestCutOffAccuracy(all: Sample[]): number {
  const sorted = [...all].sort((a, b) => a.ms - b.ms);
  const knownTotal = sorted.filter((s) => s.known).length;
  let best = 0;
  let knownAtOrBelow = 0;
  for (let i = 0; i <= sorted.length; i++) {
    if (i > 0 && sorted[i - 1]!.known) knownAtOrBelow++;
    const unknownAtOrBelow = i - knownAtOrBelow;
    // Slower than the cut-off means known: unknown ones at or below, known ones above are right.
    const slowerIsKnown = unknownAtOrBelow + (knownTotal - knownAtOrBelow);
    best = Math.max(best, slowerIsKnown, sorted.length - slowerIsKnown);
  }
  return best / sorted.length;
}

/**
 * What the best cut-off reaches when the labels say nothing about the times: the
 * 95th percentile of its accuracy over random relabellings of the same samples. With
 * a few dozen samples the best of many cut-offs beats 50% by chance alone, so only
 * an accuracy above this level shows that the times differ.
 */
function chanceLevel(all: Sample[], rounds = 2000): number {
  const labels = all.map((s) => s.known);
  const accuracies: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let i = labels.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [labels[i], labels[j]] = [labels[j]!, labels[i]!];
    }
    accuracies.push(bestCutOffAccuracy(all.map((s, i) => ({ ...s, known: labels[i]! }))));
  }
  accuracies.sort((a, b) => a - b);
  return percentile(accuracies, 95);
}

async function createAccount(url: string, authHost: string, email: string): Promise<void> {
  const signUp = await fetch(`http://${authHost}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-api-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "correct horse battery staple", returnSecureToken: true }),
  });
  if (!signUp.ok) throw new Error(`Auth emulator sign-up failed with ${signUp.status}`);
  const { idToken } = (await signUp.json()) as { idToken: string };
  const account = await fetch(`${url}/api/account`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${idToken}` },
    body: JSON.stringify({
      name: "Probe Member",
      ageConfirmed: true,
      consents: { terms: true, privacy: true, marketing: false },
    }),
  });
  if (account.status !== 201) throw new Error(`Completing sign-up failed with ${account.status}`);
}

let clients = 0;
/** A different client for every request, from the benchmarking range (RFC 2544). */
function nextClientAddress(): string {
  clients++;
  return `198.18.${Math.floor(clients / 256)}.${clients % 256}`;
}

async function timeReset(url: string, email: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${url}/api/password-reset`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, "x-forwarded-for": nextClientAddress() },
    body: JSON.stringify({ email }),
  });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

function summary(label: string, list: Sample[]): string {
  const times = list.map((s) => s.ms).sort((a, b) => a - b);
  return `  ${label.padEnd(8)} n=${times.length}  median ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms`;
}

async function main(): Promise<void> {
  const stack = await startProbeStack({ name: "reset-timing", env: { TRUSTED_PROXY_HOPS: "1", LOG_LEVEL: "warn" } });
  try {
    const { authHost } = stack;
    const knownAddresses: string[] = [];
    for (let i = 0; i < samples + warmup; i++) {
      const email = `probe-${randomUUID()}@example.test`;
      await createAccount(stack.url, authHost, email);
      knownAddresses.push(email);
    }
    const unknownAddress = () => `nobody-${randomUUID()}@example.test`;

    // Warm-up: the first requests pay for loading code and opening connections.
    for (let i = 0; i < warmup; i++) {
      await timeReset(stack.url, knownAddresses[samples + i]!);
      await timeReset(stack.url, unknownAddress());
    }

    const measured: Sample[] = [];
    for (let i = 0; i < samples; i++) {
      // Interleaved, in a random order within each pair, so drift affects both alike.
      const pair = [true, false].sort(() => Math.random() - 0.5);
      for (const known of pair) {
        const result = await timeReset(stack.url, known ? knownAddresses[i]! : unknownAddress());
        measured.push({ known, ...result });
      }
    }

    const statuses = [...new Set(measured.map((s) => s.status))].sort();
    console.log(`\nPOST /api/password-reset, ${samples} samples each, interleaved (answers: ${statuses.join(", ")})`);
    const known = measured.filter((s) => s.known);
    const unknown = measured.filter((s) => !s.known);
    console.log(summary("known", known));
    console.log(summary("unknown", unknown));
    console.log(`  best single cut-off classifier: ${(bestCutOffAccuracy(measured) * 100).toFixed(1)}% accurate`);
    console.log(
      `  (chance: with labels that say nothing, the best cut-off reaches up to ${(chanceLevel(measured) * 100).toFixed(1)}% in 95% of cases)`,
    );
    if (statuses.some((status) => status !== 202)) {
      console.log("  warning: some answers were not 202, so the figures do not measure the reset itself");
      process.exitCode = 1;
    }
  } finally {
    await stack.stop();
  }
}

await main();

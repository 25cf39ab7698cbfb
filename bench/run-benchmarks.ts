/**
 * Benchmarks of the local stack, printing figures (no assertions):
 *
 * 1. Pipeline overhead: 20 members submit generations concurrently, one after
 *    another; for each job, (finishedAt - createdAt) minus the time spent inside the
 *    image model is the pipeline's own cost (reservation, queueing, claim, storing
 *    files and records, settlement). p50/p95/p99 over all jobs.
 * 2. Ledger throughput under contention: many concurrent transactions appending
 *    entries to one account; operations per second, then the ledger is verified.
 *
 *   npm run bench [-- --members 20 --jobs 10 --latency 200 --poll 5000 --seconds 5]
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createAccount } from "../lib/accounts/create-account";
import { loadEnvFile, parseServerConfig } from "../lib/config/env";
import { GENERATIONS } from "../lib/generation/generation-job";
import { submitGeneration } from "../lib/generation/submit-generation";
import type { ImageModelProvider } from "../lib/image-models/image-model";
import { confirmPayment } from "../lib/orders/confirm-payment";
import { createOrder } from "../lib/orders/create-order";
import { appendLedgerEntry, readPointAccount } from "../lib/points/ledger";
import { verifyLedger } from "../lib/points/verify-ledger";
import { createServices, type Services } from "../lib/services";
import { startWorker } from "../lib/worker/start-worker";
import type { AuthGateway } from "../lib/auth/auth-gateway";

loadEnvFile();
const { values: args } = parseArgs({
  options: {
    members: { type: "string", default: "20" },
    jobs: { type: "string", default: "10" },
    latency: { type: "string", default: "200" },
    poll: { type: "string" },
    seconds: { type: "string", default: "5" },
    contenders: { type: "string", default: "50" },
  },
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** The benchmark needs no sign-in: the domain use cases take the uid directly. */
const noAuth: AuthGateway = {
  verifyIdToken: () => Promise.reject(new Error("unused")),
  createSessionCookie: () => Promise.reject(new Error("unused")),
  verifySessionCookie: () => Promise.reject(new Error("unused")),
  revokeSessions: async () => {},
  getUser: async () => null,
  findUserByEmail: async () => null,
  clearProfile: async () => {},
  unconfirmEmail: async () => {},
  disableUser: async () => {},
  ensureUser: () => Promise.reject(new Error("unused")),
  setStaffRole: () => Promise.reject(new Error("unused")),
  deleteUser: async () => {},
  listUsers: async () => ({ users: [], nextPageToken: null }),
  emailVerificationCode: () => Promise.reject(new Error("unused")),
  passwordResetCode: () => Promise.reject(new Error("unused")),
};

async function fundedMember(services: Services): Promise<string> {
  const uid = `bench-${randomUUID()}`;
  await createAccount({
    services,
    uid,
    input: { name: "Bench", ageConfirmed: true, consents: { terms: true, privacy: true, marketing: false } },
    requestLocale: "ko",
  });
  const { orderId } = await createOrder({
    services,
    uid,
    input: { packageId: "points-30000", provider: "sandbox" },
    idempotencyKey: randomUUID(),
  });
  await confirmPayment({
    services,
    orderId,
    provider: "sandbox",
    providerPaymentId: `sandbox_${orderId}`,
    amount: 450_000,
    currency: "KRW",
  });
  return uid;
}

async function pipelineOverhead(dataDir: string): Promise<void> {
  const members = Number(args.members);
  const jobsPerMember = Number(args.jobs);
  const config = parseServerConfig({
    DATA_DIR: dataDir,
    LOCAL_MODEL_LATENCY_MS: args.latency,
    // The worker is woken by the work signal; its poll is only the safety net.
    ...(args.poll ? { WORKER_POLL_MS: args.poll } : {}),
    WORKER_CONCURRENCY: String(members),
    LOG_LEVEL: "warn",
  });
  const base = createServices(config, { auth: noAuth });
  // Time spent inside the model, per job, to subtract from the end-to-end time.
  const modelMs = new Map<string, number>();
  const local = base.imageProviders.local!;
  const timed: ImageModelProvider = {
    async generate(request) {
      const started = performance.now();
      try {
        return await local.generate(request);
      } finally {
        const key = `${request.prompt}`;
        modelMs.set(key, (modelMs.get(key) ?? 0) + performance.now() - started);
      }
    },
  };
  const services: Services = { ...base, imageProviders: { local: timed } };
  const uids = await Promise.all(Array.from({ length: members }, () => fundedMember(services)));

  const controller = new AbortController();
  const worker = startWorker({
    services,
    workerId: "bench",
    concurrency: members,
    signal: controller.signal,
    recoverEveryMs: 60_000,
  });
  const overheads: number[] = [];
  const totals: number[] = [];
  const queueWaits: number[] = [];
  const started = performance.now();
  await Promise.all(
    uids.map(async (uid, m) => {
      for (let j = 0; j < jobsPerMember; j++) {
        const prompt = `bench member ${m} job ${j}`;
        const { id } = await submitGeneration({
          services,
          uid,
          input: { prompt, model: "local-sketch", size: "512x512", count: 1 },
          idempotencyKey: randomUUID(),
        });
        for (;;) {
          const job = (await services.db.get(GENERATIONS, id))!.data;
          if (job.finishedAt) {
            const total = Date.parse(job.finishedAt) - Date.parse(job.createdAt);
            totals.push(total);
            queueWaits.push(Date.parse(job.startedAt!) - Date.parse(job.createdAt));
            overheads.push(total - (modelMs.get(prompt) ?? 0));
            break;
          }
          // finishedAt is stamped by the worker, so how often we look does not change the figure.
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }),
  );
  const wall = performance.now() - started;
  controller.abort();
  await worker;
  for (const list of [overheads, totals, queueWaits]) list.sort((a, b) => a - b);
  const fmt = (n: number) => `${n.toFixed(0)} ms`;
  console.log(
    `\nPipeline overhead: ${members} concurrent members × ${jobsPerMember} jobs (1 image, model latency ${args.latency} ms, safety-net poll ${config.WORKER_POLL_MS} ms)`,
  );
  console.log(`  jobs: ${overheads.length} in ${(wall / 1000).toFixed(1)} s`);
  console.log(
    `  submit→done     p50 ${fmt(percentile(totals, 50))}  p95 ${fmt(percentile(totals, 95))}  p99 ${fmt(percentile(totals, 99))}`,
  );
  console.log(
    `  overhead        p50 ${fmt(percentile(overheads, 50))}  p95 ${fmt(percentile(overheads, 95))}  p99 ${fmt(percentile(overheads, 99))}`,
  );
  console.log(
    `    of which queue wait (submit→claimed) p50 ${fmt(percentile(queueWaits, 50))}  p99 ${fmt(percentile(queueWaits, 99))}`,
  );
  const ledger = await verifyLedger({ db: services.db });
  console.log(`  ledger check: ${ledger.accounts} accounts, ${ledger.problems.length} problems`);
  await services.db.close();
}

async function ledgerThroughput(dataDir: string): Promise<void> {
  const services = createServices(parseServerConfig({ DATA_DIR: dataDir, LOG_LEVEL: "warn" }), { auth: noAuth });
  const uid = await fundedMember(services);
  const contenders = Number(args.contenders);
  const until = performance.now() + Number(args.seconds) * 1000;
  let operations = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: contenders }, async () => {
      while (performance.now() < until) {
        await services.db.runTransaction(async (tx) => {
          const account = await readPointAccount(tx, uid);
          appendLedgerEntry(tx, account, {
            uniqueBy: randomUUID(),
            kind: "adjustment",
            amount: operations % 2 === 0 ? -1 : 1,
            reason: "bench",
            now: new Date(),
          });
        });
        operations++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const ledger = await verifyLedger({ db: services.db });
  console.log(`\nLedger under contention: ${contenders} concurrent writers on one account for ${seconds.toFixed(1)} s`);
  console.log(
    `  ${operations} entries, ${(operations / seconds).toFixed(0)} ops/s (each: read account, append entry, write balance, commit)`,
  );
  console.log(`  ledger check: ${ledger.accounts} accounts, ${ledger.problems.length} problems`);
  await services.db.close();
}

const root = mkdtempSync(join(tmpdir(), "imagesfactory-bench-"));
try {
  await pipelineOverhead(join(root, "pipeline"));
  await ledgerThroughput(join(root, "ledger"));
} finally {
  rmSync(root, { recursive: true, force: true });
}

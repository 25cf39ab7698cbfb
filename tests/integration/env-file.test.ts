/**
 * Every entry point reads the same .env the web app reads (Next loads it by itself),
 * so the worker and the CLI tools work on the app's data, not on defaults. Each runs
 * here as its own process in a folder whose .env names a data folder of its own.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parseServerConfig } from "../../lib/config/env";
import { GENERATIONS } from "../../lib/generation/generation-job";
import { submitGeneration } from "../../lib/generation/submit-generation";
import { appendLedgerEntry, readPointAccount } from "../../lib/points/ledger";
import { createServices, type Services } from "../../lib/services";
import { waitFor } from "../support/wait-for";

const repository = resolve(".");
// Resolved from the repository, as the folder the process runs in has no node_modules.
const tsx = pathToFileURL(join(repository, "node_modules", "tsx", "dist", "loader.mjs")).href;
const children: ChildProcess[] = [];

afterEach(async () => {
  await Promise.all(
    children.splice(0).map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGKILL");
      await exited;
    }),
  );
});

/** A folder with a .env that points at a data folder of its own, and services on that data. */
function folderWithEnvFile(settings: Record<string, string> = {}): { cwd: string; services: Services } {
  const cwd = mkdtempSync(join(process.env.DATA_DIR!, "cwd-"));
  const dataDir = join(cwd, "data-from-env-file");
  const values = {
    DATA_DIR: dataDir,
    FIRESTORE_INDEXES_FILE: join(repository, "firestore.indexes.json"),
    LOG_LEVEL: "warn",
    ...settings,
  };
  writeFileSync(
    join(cwd, ".env"),
    Object.entries(values)
      .map(([name, value]) => `${name}=${value}`)
      .join("\n") + "\n",
  );
  const services = createServices(parseServerConfig({ ...values, LOG_LEVEL: "error" }));
  return { cwd, services };
}

/** The environment of the test run, less what the .env is to provide. */
function environmentWithout(names: string[]): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of names) delete env[name];
  return env;
}

function run(cwd: string, script: string): ChildProcess {
  const child = spawn(process.execPath, ["--import", tsx, join(repository, script)], {
    cwd,
    env: environmentWithout(["DATA_DIR", "FIRESTORE_INDEXES_FILE", "LOG_LEVEL"]),
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  return child;
}

async function funded(services: Services): Promise<string> {
  const uid = `env-file-${randomUUID()}`;
  await services.db.runTransaction(async (tx) => {
    appendLedgerEntry(tx, await readPointAccount(tx, uid), {
      uniqueBy: "grant",
      kind: "adjustment",
      amount: 100,
      reason: "test grant",
      now: new Date(),
    });
  });
  return uid;
}

describe("the .env file", () => {
  it("is read by the ledger check", async () => {
    const { cwd, services } = folderWithEnvFile();
    await funded(services);
    await funded(services);
    await services.db.close();
    const child = run(cwd, "scripts/check-ledger.ts");
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((r) => child.once("exit", r));
    expect(output).toContain("2 account(s) checked, 0 problem(s).");
    expect(code).toBe(0);
  });

  it("is read by the worker, which then runs the jobs of the app's data", async () => {
    const { cwd, services } = folderWithEnvFile({ WORKER_POLL_MS: "50" });
    const uid = await funded(services);
    const { id } = await submitGeneration({
      services,
      uid,
      input: { prompt: "found through .env", model: "local-sketch", size: "512x512", count: 1 },
      idempotencyKey: randomUUID(),
    });
    run(cwd, "worker/main.ts");
    const finished = await waitFor(
      async () => {
        const job = (await services.db.get(GENERATIONS, id))!.data;
        return job.finishedAt ? job : undefined;
      },
      { what: "the worker to finish the job", timeoutMs: 30_000, intervalMs: 100 },
    );
    expect(finished.status).toBe("succeeded");
    await services.db.close();
  });
});

/**
 * The whole service on one machine, offline: the Firebase Auth emulator (its users
 * kept under DATA_DIR/auth across restarts), the Next.js app and the worker.
 *
 *   node --import tsx scripts/local-stack.ts          production build (npm start)
 *   node --import tsx scripts/local-stack.ts --dev    next dev with hot reload
 *
 * The e2e tests start the same stack on ports and a data folder of their own.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadEnvFile } from "../lib/config/env";
import { startAuthEmulator, stopProcessGroup, waitForUrl } from "./auth-emulator";

export interface LocalStackOptions {
  dataDir: string;
  port: number;
  authPort: number;
  hubPort: number;
  loggingPort: number;
  projectId: string;
  dev: boolean;
  /** Extra environment for the app and the worker (for tests: latency, lease…). */
  env?: Record<string, string>;
  quiet?: boolean;
  /** Start the worker too (default). Without it, submitted jobs stay queued (benchmarks of the web alone). */
  worker?: boolean;
}

export interface LocalStack {
  url: string;
  /** The web server's process (`next start` runs as next-server in it), for probes that watch its memory. */
  webPid: number;
  stop(): Promise<void>;
}

const root = resolve(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);

function run(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { cwd?: string; quiet?: boolean },
): ChildProcess {
  const child = spawn(command, args, {
    cwd: options.cwd ?? root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const prefix = (line: string) => `[${name}] ${line}\n`;
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk: Buffer) => {
      if (options.quiet) return;
      for (const line of chunk.toString().split("\n").filter(Boolean)) process.stdout.write(prefix(line));
    });
  }
  return child;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const dataDir = resolve(options.dataDir);
  const emulator = await startAuthEmulator({
    configDir: join(dataDir, "emulator-config"),
    dataDir: join(dataDir, "auth"),
    port: options.authPort,
    hubPort: options.hubPort,
    loggingPort: options.loggingPort,
    projectId: options.projectId,
    log: options.quiet ? undefined : (line) => process.stdout.write(`[auth] ${line}\n`),
  });

  const url = `http://localhost:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APP_MODE: "local",
    APP_URL: url,
    DATA_DIR: dataDir,
    FIREBASE_PROJECT_ID: options.projectId,
    FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${options.authPort}`,
    LOCAL_MODEL_LATENCY_MS: process.env.LOCAL_MODEL_LATENCY_MS ?? "700",
    ...options.env,
  };
  // Loopback only: the local mailbox shows every local user's mail, so the stack is
  // not reachable from other machines.
  const listen = ["-H", "127.0.0.1", "-p", String(options.port)];
  const web = options.dev
    ? run("web", bin("next"), ["dev", ...listen], env, { quiet: options.quiet })
    : run("web", bin("next"), ["start", ...listen], { ...env, NODE_ENV: "production" }, { quiet: options.quiet });
  const worker =
    options.worker === false
      ? null
      : run("worker", process.execPath, ["--import", "tsx", "worker/main.ts"], env, { quiet: options.quiet });
  const stop = async () => {
    await Promise.all([
      stopProcessGroup(web, "SIGTERM", 15_000),
      worker ? stopProcessGroup(worker, "SIGTERM", 15_000) : undefined,
    ]);
    await emulator.stop();
  };
  try {
    if (web.pid === undefined) throw new Error("The web app did not start.");
    await waitForUrl(`${url}/api/catalog`, web, "The web app");
    return { url, webPid: web.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function main(): Promise<void> {
  // The same .env the web app reads, for the worker and the emulator too.
  loadEnvFile(root);
  const dev = process.argv.includes("--dev");
  if (!dev && !existsSync(join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run build` first (npm start does).");
  }
  const stack = await startLocalStack({
    dataDir: process.env.DATA_DIR ?? ".data",
    port: Number(process.env.PORT ?? 3000),
    authPort: Number(process.env.AUTH_EMULATOR_PORT ?? 9099),
    hubPort: Number(process.env.EMULATOR_HUB_PORT ?? 4400),
    loggingPort: Number(process.env.EMULATOR_LOGGING_PORT ?? 4500),
    projectId: process.env.FIREBASE_PROJECT_ID ?? "demo-imagesfactory",
    dev,
  });
  process.stdout.write(
    `\nimagesfactory is running at ${stack.url} (mailbox: ${stack.url}/mailbox). Ctrl+C stops it.\n\n`,
  );
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void stack.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

if (import.meta.filename === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  });
}

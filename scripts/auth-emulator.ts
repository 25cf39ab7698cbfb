/**
 * Starts the Firebase Auth emulator (firebase-tools, works offline) with a config
 * folder and ports of the caller's, so several stacks and test runs never collide.
 * With `dataDir`, users are imported from it at start and exported to it at stop, so
 * they survive restarts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export interface AuthEmulatorOptions {
  configDir: string;
  port: number;
  hubPort: number;
  loggingPort: number;
  projectId: string;
  dataDir?: string;
  /** Receives the emulator's output lines (default: dropped). */
  log?: (line: string) => void;
}

export interface RunningAuthEmulator {
  host: string;
  projectId: string;
  stop(): Promise<void>;
}

const firebaseBin = resolve(import.meta.dirname, "..", "node_modules", ".bin", "firebase");

export async function waitForUrl(url: string, child: ChildProcess, what: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} was not ready at ${url} after ${timeoutMs} ms`);
}

/** What firebase-tools prints once every emulator has started and imported its data. */
const READY_LINE = "All emulators ready";

async function waitUntil(
  condition: () => boolean,
  child: ChildProcess,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (child.exitCode !== null) throw new Error(`${what}: the process exited with code ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${what} did not finish within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops a process group started detached: `signal` first, SIGKILL after the grace period. */
export async function stopProcessGroup(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  process.kill(-pid, signal);
  const timer = setTimeout(() => process.kill(-pid, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function startAuthEmulator(options: AuthEmulatorOptions): Promise<RunningAuthEmulator> {
  mkdirSync(options.configDir, { recursive: true });
  writeFileSync(
    join(options.configDir, "firebase.json"),
    JSON.stringify({
      emulators: {
        auth: { host: "127.0.0.1", port: options.port },
        hub: { host: "127.0.0.1", port: options.hubPort },
        logging: { host: "127.0.0.1", port: options.loggingPort },
        ui: { enabled: false },
      },
    }),
  );
  const args = ["emulators:start", "--only", "auth", "--project", options.projectId];
  if (options.dataDir) {
    const dataDir = resolve(options.dataDir);
    args.push("--export-on-exit", dataDir);
    if (existsSync(join(dataDir, "firebase-export-metadata.json"))) args.push("--import", dataDir);
  }
  // The CLI treats emulators named in the environment as its own, and its export on
  // exit then fails on them (seen with FIRESTORE_EMULATOR_HOST set for other tests).
  const env = { ...process.env };
  for (const name of [
    "FIREBASE_AUTH_EMULATOR_HOST",
    "FIRESTORE_EMULATOR_HOST",
    "FIREBASE_STORAGE_EMULATOR_HOST",
    "FIREBASE_DATABASE_EMULATOR_HOST",
    "FIREBASE_EMULATOR_HUB",
  ]) {
    delete env[name];
  }
  const child = spawn(firebaseBin, args, {
    cwd: options.configDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let tail = "";
  // The emulator answers HTTP before it has imported the saved users; only this line
  // says the import is done. Waiting for the port alone lost users under load.
  let announcedReady = false;
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000);
      if (tail.includes(READY_LINE)) announcedReady = true;
      for (const line of chunk.toString().split("\n").filter(Boolean)) options.log?.(line);
    });
  }
  const host = `127.0.0.1:${options.port}`;
  try {
    await waitForUrl(`http://${host}/`, child, "The Auth emulator", 90_000);
    await waitUntil(() => announcedReady, child, "The Auth emulator's import", 90_000);
  } catch (error) {
    await stopProcessGroup(child, "SIGKILL", 1_000);
    throw new Error(`${(error as Error).message}\n${tail}`);
  }
  // SIGINT lets the emulator export its users before it exits.
  return { host, projectId: options.projectId, stop: () => stopProcessGroup(child, "SIGINT", 30_000) };
}

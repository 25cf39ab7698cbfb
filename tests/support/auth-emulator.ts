/**
 * Starts the Firebase Auth emulator (firebase-tools, offline) on ports of the test's
 * own, with its own config folder, so a running local stack is never touched.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export interface RunningEmulator {
  host: string;
  projectId: string;
  stop(): Promise<void>;
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Auth emulator exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The Auth emulator did not become ready at ${url} within ${timeoutMs} ms`);
}

export async function startAuthEmulator(options: { folder: string; port: number; hubPort: number; loggingPort: number; projectId: string }): Promise<RunningEmulator> {
  mkdirSync(options.folder, { recursive: true });
  const config = {
    emulators: {
      auth: { host: "127.0.0.1", port: options.port },
      hub: { host: "127.0.0.1", port: options.hubPort },
      logging: { host: "127.0.0.1", port: options.loggingPort },
      ui: { enabled: false },
    },
  };
  writeFileSync(join(options.folder, "firebase.json"), JSON.stringify(config));
  const firebaseBin = resolve("node_modules/.bin/firebase");
  const child = spawn(firebaseBin, ["emulators:start", "--only", "auth", "--project", options.projectId], {
    cwd: options.folder,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, FIREBASE_AUTH_EMULATOR_HOST: undefined },
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const host = `127.0.0.1:${options.port}`;
  try {
    await waitUntilReady(`http://${host}/`, child, 60_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}\n${output.slice(-2000)}`);
  }
  return {
    host,
    projectId: options.projectId,
    stop: async () => {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      process.kill(-child.pid, "SIGTERM");
      const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

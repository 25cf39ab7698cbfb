/**
 * Integration tests share one Auth emulator on free ports of their own. Each test
 * file gets its own data folder (tests/integration/setup-file.ts).
 */
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { startAuthEmulator, type RunningAuthEmulator } from "../../scripts/auth-emulator";
import { freePort } from "../support/free-port";

let emulator: RunningAuthEmulator | undefined;
let folder: string | undefined;

export async function setup(): Promise<void> {
  const root = resolve(".test-data/integration");
  mkdirSync(root, { recursive: true });
  folder = mkdtempSync(`${root}/run-`);
  process.env.TEST_DATA_ROOT = folder;
  emulator = await startAuthEmulator({
    configDir: `${folder}/emulator`,
    port: await freePort(),
    hubPort: await freePort(),
    loggingPort: await freePort(),
    projectId: "demo-imagesfactory-test",
  });
  process.env.FIREBASE_AUTH_EMULATOR_HOST = emulator.host;
  process.env.FIREBASE_PROJECT_ID = emulator.projectId;
}

export async function teardown(): Promise<void> {
  await emulator?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
}

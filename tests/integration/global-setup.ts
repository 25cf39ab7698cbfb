/**
 * Integration tests share one Auth emulator on test-only ports. Each test file gets
 * its own data folder (tests/integration/setup-file.ts).
 */
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { startAuthEmulator, type RunningEmulator } from "../support/auth-emulator";

let emulator: RunningEmulator | undefined;

export async function setup(): Promise<void> {
  const root = resolve(".test-data/integration");
  rmSync(root, { recursive: true, force: true });
  emulator = await startAuthEmulator({ folder: `${root}/emulator`, port: 9399, hubPort: 4490, loggingPort: 4590, projectId: "demo-imagesfactory-test" });
  process.env.FIREBASE_AUTH_EMULATOR_HOST = emulator.host;
  process.env.FIREBASE_PROJECT_ID = emulator.projectId;
}

export async function teardown(): Promise<void> {
  await emulator?.stop();
}

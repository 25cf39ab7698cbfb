/**
 * The local stack for a probe: the production build on free ports, with a data folder
 * of its own that is removed when the probe stops it, so a probe never touches a
 * running stack or leaves users behind.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalStack, type LocalStackOptions } from "../../scripts/local-stack";
import { freePort } from "../../tests/support/free-port";

export interface ProbeStack {
  url: string;
  /** The Auth emulator, for signing up the probe's members. */
  authHost: string;
  /** The web server's process, for probes that watch its memory or CPU. */
  webPid: number;
  stop(): Promise<void>;
}

export type ProbeStackOptions = Pick<LocalStackOptions, "env" | "worker"> & { name: string };

export async function startProbeStack(options: ProbeStackOptions): Promise<ProbeStack> {
  const dataDir = mkdtempSync(join(tmpdir(), `imagesfactory-${options.name}-`));
  const authPort = await freePort();
  const stack = await startLocalStack({
    dataDir,
    port: await freePort(),
    authPort,
    hubPort: await freePort(),
    loggingPort: await freePort(),
    projectId: `demo-imagesfactory-${options.name}`,
    dev: false,
    quiet: true,
    worker: options.worker,
    env: options.env,
  });
  return {
    url: stack.url,
    authHost: `127.0.0.1:${authPort}`,
    webPid: stack.webPid,
    stop: async () => {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

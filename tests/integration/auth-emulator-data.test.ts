/**
 * The local stack keeps its users across restarts: the Auth emulator exports them to
 * the data folder when stopped and imports them when started again.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startAuthEmulator } from "../../scripts/auth-emulator";
import { freePort } from "../support/free-port";

async function signUp(host: string, email: string): Promise<Response> {
  return fetch(`http://${host}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-api-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "persist me please", returnSecureToken: true }),
  });
}

async function signIn(host: string, email: string): Promise<Response> {
  return fetch(`http://${host}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-api-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "persist me please", returnSecureToken: true }),
  });
}

describe("the local Auth emulator's data", () => {
  it("survives a restart", async () => {
    const folder = process.env.DATA_DIR!;
    const options = async () => ({
      configDir: join(folder, "emulator-config"),
      dataDir: join(folder, "auth"),
      port: await freePort(),
      hubPort: await freePort(),
      loggingPort: await freePort(),
      projectId: "demo-imagesfactory-restart",
    });
    const first = await startAuthEmulator(await options());
    expect((await signUp(first.host, "kept@example.test")).status).toBe(200);
    await first.stop();

    const second = await startAuthEmulator(await options());
    try {
      const kept = await signIn(second.host, "kept@example.test");
      expect(kept.status, await kept.clone().text()).toBe(200);
      expect((await signIn(second.host, "never-made@example.test")).status).toBe(400);
    } finally {
      await second.stop();
    }
  }, 120_000);
});

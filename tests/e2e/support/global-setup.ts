/**
 * Builds the app for production into a folder of its own, then starts the whole
 * local stack (Auth emulator, next start, worker) on the e2e ports with an empty
 * data folder. Returns the teardown.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { startLocalStack } from "../../../scripts/local-stack";
import { StripeStandIn } from "../../support/stand-ins/stripe-stand-in";
import { TossStandIn } from "../../support/stand-ins/toss-stand-in";
import { E2E, E2E_TOSS_KEYS, E2E_URL } from "./e2e-stack";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const env = { ...process.env, NEXT_DIST_DIR: E2E.distDir };
  execFileSync(resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit", env });
  rmSync(E2E.dataDir, { recursive: true, force: true });
  const toss = new TossStandIn({ port: E2E.tossPort, keys: E2E_TOSS_KEYS });
  await toss.start();
  // Stripe's hosted page is served by the stand-in; its events go to the app's webhook, signed as Stripe signs them.
  const stripe = new StripeStandIn({
    deliver: ({ headers, body }) => fetch(`${E2E_URL}/api/webhooks/stripe`, { method: "POST", headers, body }),
  });
  await stripe.start();
  const stack = await startLocalStack({
    dataDir: E2E.dataDir,
    port: E2E.port,
    authPort: E2E.authPort,
    hubPort: E2E.hubPort,
    loggingPort: E2E.loggingPort,
    projectId: E2E.projectId,
    dev: false,
    quiet: !process.env.E2E_VERBOSE,
    // WELCOME_POINTS 0: the journeys walk a confirmed member through a zero balance to a
    // first purchase; the welcome grant is covered by tests/integration/welcome-points.test.ts.
    env: {
      NEXT_DIST_DIR: E2E.distDir,
      LOCAL_MODEL_LATENCY_MS: "600",
      WORKER_POLL_MS: "100",
      // Every provider a buyer can choose on the points page; Toss and Stripe through their stand-ins.
      PAYMENT_PROVIDERS: "sandbox,toss,stripe",
      TOSS_CLIENT_KEY: E2E_TOSS_KEYS.clientKey,
      TOSS_SECRET_KEY: E2E_TOSS_KEYS.secretKey,
      TOSS_API_BASE_URL: toss.baseUrl,
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_BASE_URL: stripe.baseUrl,
      WELCOME_POINTS: "0",
    },
  });
  return async () => {
    await stack.stop();
    await toss.close();
    await stripe.close();
  };
}

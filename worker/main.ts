/** The local worker process: `npm run worker`. */
import { hostname } from "node:os";
import { loadEnvFile } from "../lib/config/env";
import { getServices } from "../lib/services";
import { startWorker } from "../lib/worker/start-worker";

loadEnvFile();
const services = getServices();
const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => controller.abort());

await startWorker({
  services,
  workerId: `${hostname()}-${process.pid}`,
  concurrency: services.config.WORKER_CONCURRENCY,
  signal: controller.signal,
});
await services.db.close();

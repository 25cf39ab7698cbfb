import { AppError } from "../errors/app-error";

export interface WithProviderTimeoutOptions<T> {
  timeoutMs: number;
  /** Aborted when the job's lease is lost: the call in progress is then nobody's. */
  lease: AbortSignal;
  /** The provider call; it receives a signal that aborts on timeout or lease loss. */
  call: (signal: AbortSignal) => Promise<T>;
}

/**
 * Bounds a provider call in time even if the provider ignores its abort signal, and
 * stops it when the lease is lost. Either way it rejects with PROVIDER_FAILED, which
 * the worker records as a failed image (or, with the lease gone, as nothing at all).
 */
export async function withProviderTimeout<T>(options: WithProviderTimeoutOptions<T>): Promise<T> {
  const { timeoutMs, lease } = options;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const onLeaseLost = () => controller.abort(lease.reason);
  lease.addEventListener("abort", onLeaseLost, { once: true });
  const bounded = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new Error("timeout"));
      reject(
        new AppError("PROVIDER_FAILED", "service.imageModelFailed", {
          diagnostic: `The image model did not answer within ${timeoutMs} ms.`,
        }),
      );
    }, timeoutMs);
    controller.signal.addEventListener(
      "abort",
      () =>
        reject(
          new AppError("PROVIDER_FAILED", "service.imageModelFailed", { diagnostic: "The image call was stopped." }),
        ),
      { once: true },
    );
  });
  try {
    return await Promise.race([options.call(controller.signal), bounded]);
  } finally {
    clearTimeout(timer);
    lease.removeEventListener("abort", onLeaseLost);
  }
}

import { generationWatchers, type WatchEvent } from "../generation/generation-watchers";
import type { Services } from "../services";

export interface GenerationEventsOptions {
  services: Services;
  uid: string;
  generationId: string;
  /** The request's signal: the client went away. */
  signal: AbortSignal;
}

/** A reconnecting EventSource waits this long after an error event before it opens the stream again. */
const ERROR_RETRY_MS = 5_000;

function format(event: WatchEvent): string {
  switch (event.type) {
    case "generation":
      return `event: generation\ndata: ${JSON.stringify(event.view)}\n\n`;
    case "keep-alive":
      return ": keep-alive\n\n";
    case "gone":
      return `event: gone\ndata: {"code":"NOT_FOUND"}\n\n`;
    case "error":
      return `retry: ${ERROR_RETRY_MS}\nevent: error\ndata: ${JSON.stringify({ code: event.code, retryable: true })}\n\n`;
  }
}

/**
 * A text/event-stream of a generation's state: an event on every change, comments
 * while nothing changes, and the end when the job finishes, is gone (`gone`), watching
 * fails (`error`, retryable), the client leaves, or after ten minutes (the browser's
 * EventSource then reconnects by itself). The stream only subscribes to the process's
 * watcher of the job. Throws RATE_LIMITED when the member or the server has too many
 * streams open.
 */
export function generationEvents(options: GenerationEventsOptions): Response {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let closed = false;
  const sink = {
    send(event: WatchEvent) {
      if (!closed) controller?.enqueue(encoder.encode(format(event)));
    },
    end() {
      if (closed) return;
      closed = true;
      controller?.close();
    },
  };
  // The stream exists (its start runs at once) before the subscription can deliver anything.
  const stream = new ReadableStream<Uint8Array>({
    start(started) {
      controller = started;
    },
    // The reader went away (the browser left): give the stream's place back.
    cancel() {
      closed = true;
      subscription.close();
    },
  });
  const subscription = generationWatchers(options.services).subscribe({
    uid: options.uid,
    generationId: options.generationId,
    sink,
  });
  const onAbort = () => {
    subscription.close();
    sink.end();
  };
  if (options.signal.aborted) onAbort();
  else options.signal.addEventListener("abort", onAbort, { once: true });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      // Proxies such as nginx would otherwise hold events back in their buffers.
      "x-accel-buffering": "no",
    },
  });
}

import { getGeneration, type GenerationView } from "../generation/get-generation";
import { isFinished } from "../generation/generation-job";
import type { Services } from "../services";

const POLL_MS = 250;
const MAX_STREAM_MS = 10 * 60_000;

/**
 * A text/event-stream of a generation's state. The worker runs in another process,
 * so the stream watches the stored job and sends an event whenever it changes; it
 * ends when the job finishes, the client leaves, or after ten minutes (the browser's
 * EventSource then reconnects by itself).
 */
export function generationEvents(options: {
  services: Services;
  uid: string;
  generationId: string;
  signal: AbortSignal;
}): Response {
  const encoder = new TextEncoder();
  let stopped = false;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const started = Date.now();
      let last = "";
      const send = (text: string) => {
        if (!stopped) controller.enqueue(encoder.encode(text));
      };
      try {
        while (!stopped && !options.signal.aborted && Date.now() - started < MAX_STREAM_MS) {
          const view: GenerationView = await getGeneration(options);
          const payload = JSON.stringify(view);
          if (payload !== last) {
            send(`event: generation\ndata: ${payload}\n\n`);
            last = payload;
          }
          if (isFinished(view.status)) break;
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        }
      } catch {
        send(`event: gone\ndata: {"code":"NOT_FOUND"}\n\n`);
      }
      if (!stopped) controller.close();
    },
    // The reader went away (the browser left): stop watching the job.
    cancel() {
      stopped = true;
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
    },
  });
}

/** Reads a text/event-stream response block by block, as an EventSource would. */
export interface SseBlock {
  /** The event name, "message" when none, or "comment" for a comment-only block (keep-alive). */
  event: string;
  data: string;
  raw: string;
}

export interface SseReader {
  /** The next block, or null once the stream has ended. */
  next(): Promise<SseBlock | null>;
  /** Every block until the stream ends. */
  rest(): Promise<SseBlock[]>;
  cancel(): Promise<void>;
}

function parse(raw: string): SseBlock {
  const lines = raw.split("\n");
  const field = (name: string) =>
    lines
      .filter((line) => line.startsWith(`${name}:`))
      .map((line) => line.slice(name.length + 1).trimStart())
      .join("\n");
  const event = field("event") || (lines.every((line) => line.startsWith(":")) ? "comment" : "message");
  return { event, data: field("data"), raw };
}

export function readEvents(response: Response): SseReader {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const next = async (): Promise<SseBlock | null> => {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        return parse(raw);
      }
      const { done, value } = await reader.read();
      if (done) return null;
      buffer += decoder.decode(value, { stream: true });
    }
  };
  return {
    next,
    rest: async () => {
      const blocks: SseBlock[] = [];
      for (let block = await next(); block; block = await next()) blocks.push(block);
      return blocks;
    },
    cancel: () => reader.cancel(),
  };
}

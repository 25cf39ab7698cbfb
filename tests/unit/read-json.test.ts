import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, readJson } from "../../lib/http/read-json";

const CHUNK = 16 * 1024;

/** A streamed body (no Content-Length, as with Transfer-Encoding: chunked) that counts what was taken from it. */
function streamedBody(totalBytes: number, byte = 0x20) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.pulled >= totalBytes) {
          controller.close();
          return;
        }
        const size = Math.min(CHUNK, totalBytes - seen.pulled);
        seen.pulled += size;
        controller.enqueue(new Uint8Array(size).fill(byte));
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  // Node's fetch needs duplex for a streamed body (the DOM typings lack it, hence no annotation here).
  const init = {
    method: "POST",
    body,
    duplex: "half",
    headers: { "content-type": "application/json", ...headers },
  };
  return new Request("http://localhost:3100/api/password-reset", init);
}

describe("readJson", () => {
  it("parses a JSON body", async () => {
    expect(await readJson(post(JSON.stringify({ email: "a@example.test" })))).toEqual({ email: "a@example.test" });
  });

  it("stops reading a body without Content-Length at the limit, cancels it and answers 413", async () => {
    const { stream, seen } = streamedBody(8 * 1024 * 1024);
    await expect(readJson(post(stream))).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", status: 413 });
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * CHUNK);
  });

  it("refuses a declared Content-Length over the limit with 413 before reading anything", async () => {
    const { stream, seen } = streamedBody(8 * 1024 * 1024);
    const request = post(stream, { "content-length": String(MAX_BODY_BYTES + 1) });
    await expect(readJson(request)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", status: 413 });
    expect(seen.pulled).toBe(0);
  });

  it("accepts a streamed body of exactly the limit", async () => {
    const value = "x".repeat(MAX_BODY_BYTES - 2);
    const body = new Blob([JSON.stringify(value)]);
    expect(body.size).toBe(MAX_BODY_BYTES);
    expect(await readJson(post(body.stream()))).toBe(value);
  });

  it("refuses invalid UTF-8 with 400 instead of replacing it", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"email":"a'),
      0xff,
      ...new TextEncoder().encode('@x.test"}'),
    ]);
    await expect(readJson(post(bytes))).rejects.toMatchObject({
      code: "MALFORMED_JSON",
      status: 400,
      messageKey: "request.bodyNotUtf8",
    });
  });

  it("refuses a body that is not JSON with 400", async () => {
    await expect(readJson(post("{"))).rejects.toMatchObject({ code: "MALFORMED_JSON", status: 400 });
  });
});

import { AppError } from "../errors/app-error";

/** The largest body any endpoint takes; the largest real one (a 1,000-character prompt) is far smaller. */
export const MAX_BODY_BYTES = 64 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", "request.payloadTooLarge", { values: { maxBytes } });
}

/**
 * The body's bytes, taken as they arrive and never more than the limit (by default
 * MAX_BODY_BYTES; webhooks, whose batches are larger, set their own). A body sent
 * without Content-Length (chunked) is only known to be too large once the limit is
 * passed: reading stops there and the rest is cancelled, so no request can make the
 * server hold more than the limit.
 */
export async function readBodyBytes(request: Request, maxBytes: number = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Refused either way: a failure while cancelling changes nothing for the caller.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * JSON bodies come as application/json (in UTF-8, the only charset JSON has). Plain
 * text and form bodies are what any page on another site can send without a CORS
 * preflight, so they are refused even where the Origin check would pass.
 */
function assertJsonContentType(request: Request): void {
  const [mediaType = "", ...parameters] = (request.headers.get("content-type") ?? "").split(";");
  const charset = parameters
    .map((parameter) => parameter.trim().toLowerCase().replaceAll('"', ""))
    .find((parameter) => parameter.startsWith("charset="));
  if (mediaType.trim().toLowerCase() !== "application/json" || (charset && charset !== "charset=utf-8")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "request.unsupportedMediaType");
  }
}

/**
 * Reads a JSON body; one of another content type (415), too large (413), not UTF-8
 * or not JSON (400) is refused with a reason. Invalid UTF-8 is refused rather than
 * replaced, so what a use case stores is what the client sent.
 */
export async function readJson(request: Request): Promise<unknown> {
  assertJsonContentType(request);
  const bytes = await readBodyBytes(request);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("MALFORMED_JSON", "request.bodyNotUtf8");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("MALFORMED_JSON", "request.bodyNotJson");
  }
}

import { AppError } from "../errors/app-error";

const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON body; a body that is not JSON, or is too large, is a 4xx with a reason. */
export async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES)
    throw new AppError("VALIDATION_FAILED", `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > MAX_BODY_BYTES) {
    throw new AppError("VALIDATION_FAILED", `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("MALFORMED_JSON", "The request body is not valid JSON.");
  }
}

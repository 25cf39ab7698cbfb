import { z } from "zod";
import { AppError } from "../errors/app-error";
import { idempotencyKeySchema } from "../idempotency/idempotency-key";

/** The header as a field, so a bad key is refused like a bad body field, under the header's name. */
const headers = z.object({ "Idempotency-Key": idempotencyKeySchema });

export function requireIdempotencyKey(request: Request): string {
  const header = request.headers.get("idempotency-key");
  if (header === null) throw new AppError("IDEMPOTENCY_KEY_REQUIRED", "request.idempotencyKeyRequired");
  return headers.parse({ "Idempotency-Key": header })["Idempotency-Key"];
}

import { AppError } from "../errors/app-error";
import { idempotencyKeySchema } from "../idempotency/idempotency-key";

export function requireIdempotencyKey(request: Request): string {
  const header = request.headers.get("idempotency-key");
  if (header === null)
    throw new AppError(
      "IDEMPOTENCY_KEY_REQUIRED",
      "Send an Idempotency-Key header (for example a random UUID) with this request.",
    );
  const parsed = idempotencyKeySchema.safeParse(header);
  if (!parsed.success)
    throw new AppError("VALIDATION_FAILED", parsed.error.issues[0]?.message ?? "Invalid Idempotency-Key.", {
      fields: { "Idempotency-Key": parsed.error.issues[0]?.message },
    });
  return parsed.data;
}

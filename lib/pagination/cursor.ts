/**
 * Opaque page cursors: the sort value and id of the last item of a page, base64url
 * encoded. A cursor that does not decode is a validation error, not a 500.
 */
import { z } from "zod";
import { GENERATED_ID } from "../db/generated-id";
import { AppError } from "../errors/app-error";

const cursorShape = z.object({ v: z.string().max(64), id: z.string().regex(GENERATED_ID) });

export function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify({ v: value, id })).toString("base64url");
}

export function decodeCursor(cursor: string): { value: string; id: string } {
  try {
    const parsed = cursorShape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { value: parsed.v, id: parsed.id };
  } catch {
    throw new AppError("VALIDATION_FAILED", "validation.cursor", { fields: { cursor: "validation.cursor" } });
  }
}

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1, "limit must be 1 to 100").max(100, "limit must be 1 to 100").default(24),
  cursor: z.string().max(2000).optional(),
});

export type PageQuery = z.input<typeof pageQuery>;

import { AppError } from "../errors/app-error";
import type { ErrorMessageKey } from "../errors/error-messages";

type DatabaseErrorCode = "DATABASE_REFUSED" | "CONTENTION" | "ALREADY_EXISTS" | "NOT_FOUND" | "INTERNAL";

/** What a person is told; the diagnostic, for developers, says exactly what the store refused. */
const MESSAGES: Record<DatabaseErrorCode, ErrorMessageKey> = {
  DATABASE_REFUSED: "service.internal",
  INTERNAL: "service.internal",
  CONTENTION: "service.busy",
  ALREADY_EXISTS: "service.conflict",
  NOT_FOUND: "request.notFound",
};

/** An error of the database port: the same code for both adapters, the details in the diagnostic. */
export function databaseError(code: DatabaseErrorCode, diagnostic: string): AppError {
  return new AppError(code, MESSAGES[code], { diagnostic });
}

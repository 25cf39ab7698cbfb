import { z } from "zod";
import { AppError } from "../errors/app-error";
import type { Services } from "../services";
import { humanText } from "../text/human-text";
import { MEMBERS } from "./members";

export const changeNameInput = z.object({ name: humanText({ field: "name", maxLength: 80 }) });

export interface ChangeNameOptions {
  services: Services;
  uid: string;
  input: unknown;
}

/** Corrects the member's name (My page), with the rules of sign-up. */
export async function changeName(options: ChangeNameOptions): Promise<{ name: string }> {
  const { db, clock } = options.services;
  const { name } = changeNameInput.parse(options.input);
  return db.runTransaction(async (tx) => {
    if (!(await tx.get(MEMBERS, options.uid))) throw new AppError("ACCOUNT_INCOMPLETE", "account.incomplete");
    tx.update(MEMBERS, options.uid, { name, updatedAt: clock.now().toISOString() });
    return { name };
  });
}

import { z } from "zod";
import { AppError } from "../errors/app-error";
import { errorKey } from "../errors/error-messages";
import type { Services } from "../services";
import { localeInput, preferencesOf, timeZoneInput, type MemberPreferences } from "./member-preferences";
import { MEMBERS } from "./members";

export const updatePreferencesInput = z
  .object({ locale: localeInput.optional(), timeZone: timeZoneInput.optional() })
  .refine((input) => input.locale !== undefined || input.timeZone !== undefined, {
    error: errorKey("validation.preferencesEmpty"),
  });

export interface UpdatePreferencesOptions {
  services: Services;
  uid: string;
  input: unknown;
}

/**
 * Stores the language and time zone the member chose (the language switch calls it):
 * their mail goes out in them from then on. A field left out keeps its value.
 */
export async function updatePreferences(options: UpdatePreferencesOptions): Promise<MemberPreferences> {
  const { db, clock } = options.services;
  const input = updatePreferencesInput.parse(options.input);
  return db.runTransaction(async (tx) => {
    const doc = await tx.get(MEMBERS, options.uid);
    if (!doc) throw new AppError("ACCOUNT_INCOMPLETE", "account.incomplete");
    const current = preferencesOf(doc.data);
    const chosen: MemberPreferences = {
      locale: input.locale ?? current.locale,
      timeZone: input.timeZone ?? current.timeZone,
    };
    tx.update(MEMBERS, options.uid, { ...chosen, updatedAt: clock.now().toISOString() });
    return chosen;
  });
}

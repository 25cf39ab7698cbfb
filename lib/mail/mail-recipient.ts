import { preferencesOf } from "../accounts/member-preferences";
import { findMember } from "../accounts/members";
import type { Database } from "../db/database";
import { DEFAULT_TIME_ZONE, type Locale } from "../i18n/locales";
import type { MailRecipient } from "./templates/layout";

export interface MailRecipientOptions {
  db: Database;
  uid: string;
  /** The address, read from the auth provider. */
  to: string;
  /** The language for someone without a member record yet: the request's. */
  fallbackLocale: Locale;
}

/** Who a mail goes to, read when it is sent: a member gets it in their stored language and time zone. */
export async function mailRecipient(options: MailRecipientOptions): Promise<MailRecipient> {
  const member = await findMember(options.db, options.uid);
  const preferences = member ? preferencesOf(member) : { locale: options.fallbackLocale, timeZone: DEFAULT_TIME_ZONE };
  return { to: options.to, ...preferences };
}

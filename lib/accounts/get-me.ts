import type { Locale } from "../i18n/locales";
import type { Services } from "../services";
import { POINT_ACCOUNTS } from "../points/ledger";
import { preferencesOf } from "./member-preferences";
import { requireMember } from "./members";

export interface Me {
  uid: string;
  email: string | null;
  name: string;
  emailVerified: boolean;
  points: number;
  marketingOptIn: boolean;
  locale: Locale;
  timeZone: string;
}

/** The signed-in member's own summary. emailVerified is read fresh from the auth provider. */
export async function getMe(options: { services: Services; uid: string }): Promise<Me> {
  const { db, auth } = options.services;
  const [member, user, account] = await Promise.all([
    requireMember(db, options.uid),
    auth.getUser(options.uid),
    db.get(POINT_ACCOUNTS, options.uid),
  ]);
  return {
    uid: options.uid,
    email: user?.email ?? null,
    name: member.name,
    emailVerified: user?.emailVerified ?? false,
    points: account?.data.balance ?? 0,
    marketingOptIn: member.marketingOptIn,
    ...preferencesOf(member),
  };
}

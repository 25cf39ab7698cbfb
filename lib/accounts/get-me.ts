import type { Locale } from "../i18n/locales";
import type { Services } from "../services";
import { POINT_ACCOUNTS } from "../points/ledger";
import { grantWelcomePoints, welcomeGranted } from "../points/welcome-points";
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

/**
 * The signed-in member's own summary. emailVerified is read fresh from the auth
 * provider, so this is where the server learns that an address was confirmed (every
 * member page and GET /api/me ask): the welcome points are granted here, whichever way
 * the member signed in.
 */
export async function getMe(options: { services: Services; uid: string }): Promise<Me> {
  const { services } = options;
  const { db, auth } = services;
  const [member, user] = await Promise.all([requireMember(db, options.uid), auth.getUser(options.uid)]);
  const email = user?.email ?? null;
  const emailVerified = user?.emailVerified ?? false;
  if (email && emailVerified && services.config.WELCOME_POINTS > 0 && !(await welcomeGranted(services, email)))
    await grantWelcomePoints({ services, uid: options.uid, email, emailVerified });
  const account = await db.get(POINT_ACCOUNTS, options.uid);
  return {
    uid: options.uid,
    email,
    name: member.name,
    emailVerified,
    points: account?.data.balance ?? 0,
    marketingOptIn: member.marketingOptIn,
    ...preferencesOf(member),
  };
}

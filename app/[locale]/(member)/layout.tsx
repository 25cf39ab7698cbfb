import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { MemberShell } from "@/components/layout/member-shell";
import { PendingPrivacyConsent } from "@/components/privacy/pending-privacy-consent";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { checkMemberSession } from "@/lib/accounts/check-member-session";
import { pickMessages } from "@/lib/i18n/messages";
import { SESSION_COOKIE } from "@/lib/http/session-cookie";
import { REQUESTED_PATH_HEADER } from "@/lib/navigation/sign-in-destination";
import { getServices } from "@/lib/services";

/**
 * Signed-in pages. The session is verified here, on the server, before any page code
 * reaches the browser (proxy.ts has already sent visitors without a cookie away): an
 * expired or revoked cookie goes to sign in, an unfinished account to finish sign-up.
 * The member's summary read here is the header's first value, so the balance is there
 * without a round trip from the browser.
 */
export default async function MemberLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const session = await checkMemberSession({
    services: getServices(),
    sessionCookie: cookieStore.get(SESSION_COOKIE)?.value ?? null,
  });
  if (session.status === "signed-out") {
    const next = headerStore.get(REQUESTED_PATH_HEADER);
    redirect({ href: next ? { pathname: "/signin", query: { next } } : "/signin", locale });
  }
  if (session.status === "incomplete") redirect({ href: "/signup/complete", locale });
  // A privacy policy change that needs new consent is asked for before any member page.
  const consentGate = session.status === "member" ? await PendingPrivacyConsent({ uid: session.me.uid }) : null;
  return (
    <NextIntlClientProvider messages={pickMessages(locale, ["common", "member"])}>
      <MemberShell initialMe={session.status === "member" ? session.me : null}>{consentGate ?? children}</MemberShell>
    </NextIntlClientProvider>
  );
}

import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { MemberShell } from "@/components/layout/member-shell";
import { PendingPrivacyConsent } from "@/components/privacy/pending-privacy-consent";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { signedInVisitor } from "@/components/account/signed-in-visitor";
import { pickMessages } from "@/lib/i18n/messages";
import { REQUESTED_PATH_HEADER } from "@/lib/navigation/sign-in-destination";
import { recordAccess } from "@/lib/privacy/access-records";
import { getServices } from "@/lib/services";

/**
 * Signed-in pages. The session is verified here, on the server, before any page code
 * reaches the browser (proxy.ts has already sent visitors without a cookie away): an
 * expired or revoked cookie goes to sign in, an unfinished account to finish sign-up.
 * The member's summary read here is the header's first value, so the balance is there
 * without a round trip from the browser. A member page shows the member's data from
 * the server, so its view is an access record, as an API call is (authenticate.ts).
 * The session is read once per request: a page that reads the member's data shares it.
 */
export default async function MemberLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const [session, headerStore] = await Promise.all([signedInVisitor(), headers()]);
  if (session.status === "signed-out") {
    const next = headerStore.get(REQUESTED_PATH_HEADER);
    redirect({ href: next ? { pathname: "/signin", query: { next } } : "/signin", locale });
  }
  if (session.status === "incomplete") redirect({ href: "/signup/complete", locale });
  if (session.status === "member")
    await recordAccess({ services: getServices(), user: session.user, event: "session", headers: headerStore });
  // A privacy policy change that needs new consent is asked for before any member page.
  const consentGate = session.status === "member" ? await PendingPrivacyConsent({ uid: session.me.uid }) : null;
  return (
    <NextIntlClientProvider messages={pickMessages(locale, ["common", "member"])}>
      <MemberShell initialMe={session.status === "member" ? session.me : null}>{consentGate ?? children}</MemberShell>
    </NextIntlClientProvider>
  );
}

"use client";

/** The header of signed-in pages: navigation, balance, sign-out, and the unconfirmed-email banner. */
import { Link, usePathname } from "@/i18n/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/shared/api-client";
import { useErrorText } from "@/components/shared/use-error-text";
import type { Locale } from "@/lib/i18n/locales";
import { useMember } from "./member-context";
import { LocaleSwitch } from "./locale-switch";
import { usePublicConfig } from "./public-config";

/**
 * Remembers the language a member picks, so mail goes out in it too. The switch's
 * link navigates at once: keepalive lets the request outlive this page. A failure
 * changes nothing (the stored language stays as it was, and the address already
 * carries the new one), so nobody waits for it.
 */
function rememberLocale(locale: Locale) {
  api("/api/account/preferences", { method: "PUT", body: { locale }, keepalive: true }).catch(() => undefined);
}

interface NavItem {
  href: string;
  label: string;
}

export function SiteHeader() {
  const config = usePublicConfig();
  const pathname = usePathname();
  const { me } = useMember();
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);

  const t = useTranslations("common");
  const tMember = useTranslations("member");
  const errorText = useErrorText();
  const locale = useLocale();

  const items: NavItem[] = [
    { href: "/generate", label: t("nav.generate") },
    { href: "/gallery", label: t("nav.gallery") },
    { href: "/points", label: t("nav.points") },
    { href: "/my", label: t("nav.myPage") },
    ...(config.appMode === "local" ? [{ href: "/mailbox", label: t("nav.mailbox") }] : []),
  ];

  async function signOut() {
    setSigningOut(true);
    setSignOutError(null);
    try {
      await api("/api/session", { method: "DELETE" });
      // Loaded only now: member pages do not otherwise need the sign-in SDK.
      const { signOutOfFirebase } = await import("@/components/account/firebase-client");
      await signOutOfFirebase(config).catch(() => undefined);
      // The front page then says that the sign-out worked (a full load: nothing of the member stays in memory).
      window.location.assign(`/${locale}?signedOut=1`);
    } catch (error) {
      setSignOutError(errorText(error));
      setSigningOut(false);
    }
  }

  return (
    <>
      <header className="site-header site-header--member">
        <div className="site-header__inner">
          <Link href="/generate" className="brand">
            {t("brand")}
          </Link>
          <nav aria-label={t("nav.main")} className="site-header__nav">
            <ul className="nav-list">
              {items.map((item) => {
                const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
                return (
                  <li key={item.href}>
                    <Link href={item.href} aria-current={current ? "page" : undefined}>
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <div className="site-header__account">
            <p className="balance" aria-live="polite">
              <span className="visually-hidden">{tMember("header.balance")} </span>
              {me ? tMember("points", { count: me.points }) : <span aria-hidden="true">…</span>}
            </p>
            <button type="button" className="button button--quiet" onClick={signOut} disabled={signingOut}>
              {tMember("header.signOut")}
            </button>
          </div>
          <LocaleSwitch onChoose={rememberLocale} />
        </div>
        {signOutError ? (
          <p role="alert" className="site-header__error">
            {tMember("header.signOutFailed", { message: signOutError })}
          </p>
        ) : null}
      </header>
      {me && !me.emailVerified ? <VerifyEmailBanner email={me.email} /> : null}
    </>
  );
}

function VerifyEmailBanner({ email }: { email: string | null }) {
  const config = usePublicConfig();
  const t = useTranslations("member.verifyEmail");
  const errorText = useErrorText();
  const [state, setState] = useState<"idle" | "sending" | "sent">("idle");
  const [error, setError] = useState<string | null>(null);

  async function resend() {
    setState("sending");
    setError(null);
    try {
      await api("/api/account/verification-email", { method: "POST" });
      setState("sent");
    } catch (caught) {
      setError(errorText(caught));
      setState("idle");
    }
  }

  return (
    <section className="banner" aria-label={t("label")}>
      <p>{email ? t.rich("promptWithEmail", { email, strong: (chunks) => <strong>{chunks}</strong> }) : t("prompt")}</p>
      <button type="button" className="button button--small" onClick={resend} disabled={state === "sending"}>
        {t("resend")}
      </button>
      {state === "sent" ? <p role="status">{config.appMode === "local" ? t("sentLocal") : t("sent")}</p> : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

"use client";

/** The header of signed-in pages: navigation, balance, sign-out, and the unconfirmed-email banner. */
import { Link } from "@/i18n/navigation";
import { usePathname } from "@/i18n/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { api, messageOf } from "@/components/shared/api-client";
import { formatPoints } from "@/components/shared/format";
import { useMember } from "./member-context";
import { LocaleSwitch } from "./locale-switch";
import { usePublicConfig } from "./public-config";

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
  const locale = useLocale();

  const items: NavItem[] = [
    { href: "/generate", label: t("nav.generate") },
    { href: "/gallery", label: t("nav.gallery") },
    { href: "/points", label: t("nav.points") },
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
      setSignOutError(messageOf(error));
      setSigningOut(false);
    }
  }

  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <Link href="/generate" className="brand">
            {t("brand")}
          </Link>
          <nav aria-label={t("nav.main")}>
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
              <span className="visually-hidden">Your balance: </span>
              {me ? formatPoints(me.points) : <span aria-hidden="true">…</span>}
            </p>
            <button type="button" className="button button--quiet" onClick={signOut} disabled={signingOut}>
              Sign out
            </button>
          </div>
          <LocaleSwitch />
        </div>
        {signOutError ? (
          <p role="alert" className="site-header__error">
            Could not sign out: {signOutError}
          </p>
        ) : null}
      </header>
      {me && !me.emailVerified ? <VerifyEmailBanner email={me.email} /> : null}
    </>
  );
}

function VerifyEmailBanner({ email }: { email: string | null }) {
  const config = usePublicConfig();
  const [state, setState] = useState<"idle" | "sending" | "sent">("idle");
  const [error, setError] = useState<string | null>(null);

  async function resend() {
    setState("sending");
    setError(null);
    try {
      await api("/api/account/verification-email", { method: "POST" });
      setState("sent");
    } catch (caught) {
      setError(messageOf(caught));
      setState("idle");
    }
  }

  return (
    <section className="banner" aria-label="Email confirmation">
      <p>
        Please confirm your email address
        {email ? (
          <>
            {" "}
            (<strong>{email}</strong>)
          </>
        ) : null}
        : we sent you a link.
      </p>
      <button type="button" className="button button--small" onClick={resend} disabled={state === "sending"}>
        Resend confirmation
      </button>
      {state === "sent" ? (
        <p role="status">
          Sent. Check your inbox{config.appMode === "local" ? " (running locally: open Mailbox in the menu)" : ""}.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

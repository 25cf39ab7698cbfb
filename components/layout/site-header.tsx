"use client";

/** The header of signed-in pages: navigation, balance, sign-out, and the unconfirmed-email banner. */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { api, messageOf } from "@/components/shared/api-client";
import { formatPoints } from "@/components/shared/format";
import { useMember } from "./member-context";
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

  const items: NavItem[] = [
    { href: "/generate", label: "Generate" },
    { href: "/gallery", label: "Gallery" },
    { href: "/points", label: "Points" },
    ...(config.appMode === "local" ? [{ href: "/mailbox", label: "Mailbox" }] : []),
  ];

  async function signOut() {
    setSigningOut(true);
    setSignOutError(null);
    try {
      await api("/api/session", { method: "DELETE" });
      // Loaded only now: member pages do not otherwise need the sign-in SDK.
      const { signOutOfFirebase } = await import("@/components/account/firebase-client");
      await signOutOfFirebase(config).catch(() => undefined);
      window.location.assign("/");
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
            imagesfactory
          </Link>
          <nav aria-label="Main">
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

"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/shared/error-alert";
import { TextField } from "@/components/shared/text-field";
import { usePublicConfig } from "@/components/layout/public-config";

/**
 * Firebase's verified change of address: the identity service mails a link to the new
 * address and changes nothing until it is followed (the server reads the address from
 * the identity service, so it learns only a confirmed one).
 */
export function EmailChangeForm({ email }: { email: string }) {
  const config = usePublicConfig();
  const t = useTranslations("myPage.profile");
  const tAuth = useTranslations("account.authErrors");
  const [newEmail, setNewEmail] = useState("");
  const [password, setPassword] = useState("");
  const [state, setState] = useState<"idle" | "sending" | "sent">("idle");
  const [sentTo, setSentTo] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setState("sending");
    setError(null);
    // Loaded only now: My page does not otherwise need the sign-in SDK.
    const client = await import("@/components/account/firebase-client");
    try {
      await client.requestEmailChange(config, email, password, newEmail.trim());
      setSentTo(newEmail.trim());
      setPassword("");
      setState("sent");
    } catch (caught) {
      const refused = client.asSignInError(caught);
      setError(
        !refused
          ? tAuth("generic")
          : refused.reason === "unknown"
            ? tAuth("unknown", { code: refused.code })
            : tAuth(refused.reason),
      );
      setState("idle");
    }
  }

  return (
    <details>
      <summary>{t("changeEmail")}</summary>
      <p className="hint">{t("changeEmailHelp")}</p>
      <form className="form" onSubmit={submit}>
        <TextField
          id="my-new-email"
          label={t("newEmail")}
          type="email"
          autoComplete="email"
          value={newEmail}
          onChange={setNewEmail}
        />
        <TextField
          id="my-password"
          label={t("password")}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          revealLabel={t("showPassword")}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={state === "sending" || !newEmail || !password}>
            {t("sendLink")}
          </button>
        </div>
        {state === "sent" ? <p role="status">{t("linkSent", { email: sentTo })}</p> : null}
        <ErrorAlert message={error} />
      </form>
    </details>
  );
}

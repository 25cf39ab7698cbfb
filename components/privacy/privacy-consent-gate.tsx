"use client";

/**
 * Asked of a member, in place of the member page they opened, when a privacy policy
 * version that needs new consent has taken effect since they last agreed. Agreeing
 * records a new consent record; the page they asked for then renders.
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/shared/api-client";

export interface PrivacyConsentGateTexts {
  title: string;
  body: string;
  summary: string;
  agree: string;
  failed: string;
}

export function PrivacyConsentGate({
  texts,
  locale,
  policyLink,
}: {
  texts: PrivacyConsentGateTexts;
  locale: string;
  policyLink: React.ReactNode;
}) {
  const router = useRouter();
  const [status, setStatus] = useState<"idle" | "saving" | "failed">("idle");

  async function agree() {
    setStatus("saving");
    try {
      await api("/api/account/privacy-consent", { method: "POST", body: { agree: true, locale } });
      router.refresh();
    } catch {
      setStatus("failed");
    }
  }

  return (
    <section className="card" aria-labelledby="privacy-consent-gate">
      <h1 id="privacy-consent-gate">{texts.title}</h1>
      <p>{texts.body}</p>
      <p>{texts.summary}</p>
      <p>{policyLink}</p>
      <div className="actions">
        <button type="button" className="button" disabled={status === "saving"} onClick={() => void agree()}>
          {texts.agree}
        </button>
      </div>
      {status === "failed" ? (
        <p role="alert" className="error">
          {texts.failed}
        </p>
      ) : null}
    </section>
  );
}

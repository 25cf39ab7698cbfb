"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { useErrorText } from "@/components/shared/use-error-text";
import { useMemberFormat } from "@/components/layout/use-member-format";
import { isLocale } from "@/lib/i18n/locales";
import type { ConsentRecord } from "@/lib/accounts/members";
import { CONSENT_TEXTS } from "@/lib/privacy/policy-versions";
import { textOf, type AccountDataSection } from "./use-account-data";

/**
 * The marketing consent, given or withdrawn either way at any time, with the wording it
 * is given to; every change adds a record to the history shown below it.
 */
export function MarketingConsent(props: {
  granted: boolean;
  history: AccountDataSection | undefined;
  onChanged: () => Promise<void>;
}) {
  const t = useTranslations("myPage.marketing");
  const locale = useLocale();
  const format = useMemberFormat();
  const errorText = useErrorText();
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const wording = CONSENT_TEXTS.marketing.wording[isLocale(locale) ? locale : "ko"];

  async function change(granted: boolean) {
    setWorking(true);
    setError(null);
    try {
      await api("/api/account/marketing-consent", { method: "POST", body: { granted, locale } });
      await props.onChanged();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setWorking(false);
    }
  }

  const records = [...(props.history?.records ?? [])].sort((a, b) =>
    textOf(b.recordedAt).localeCompare(textOf(a.recordedAt)),
  );
  return (
    <>
      <p role="status">{props.granted ? t("given") : t("notGiven")}</p>
      <p className="hint">{t("wording", { wording })}</p>
      <div className="actions">
        <button
          type="button"
          className={props.granted ? "button button--secondary" : "button"}
          disabled={working}
          onClick={() => change(!props.granted)}
        >
          {props.granted ? t("withdraw") : t("give")}
        </button>
      </div>
      <ErrorAlert message={error} />
      <h3>{t("history")}</h3>
      <ul>
        {records.map((record) => (
          <li key={textOf(record.id)}>
            {t("historyItem", {
              when: format.dateTime(textOf(record.recordedAt)),
              purpose: t(`purpose.${textOf(record.purpose) as ConsentRecord["purpose"]}`),
              granted: String(record.granted === true),
              method: textOf(record.method).replaceAll("-", "_"),
              version: textOf(record.policyVersion),
            })}
          </li>
        ))}
      </ul>
    </>
  );
}

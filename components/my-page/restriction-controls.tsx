"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { useErrorText } from "@/components/shared/use-error-text";
import { useMemberFormat } from "@/components/layout/use-member-format";
import type { SelfServedRestriction } from "@/lib/privacy/processing-restriction";
import { textOf, type AccountDataSection } from "./use-account-data";

const KINDS: {
  kind: SelfServedRestriction;
  label: "restriction" | "objection";
  help: "restrictionHelp" | "objectionHelp";
}[] = [
  { kind: "restriction", label: "restriction", help: "restrictionHelp" },
  { kind: "marketing-objection", label: "objection", help: "objectionHelp" },
];

/** Restriction of processing and objection to marketing: each said in full, started and lifted by the member. */
export function RestrictionControls(props: {
  history: AccountDataSection | undefined;
  onChanged: () => Promise<void>;
}) {
  const t = useTranslations("myPage.restrictions");
  const format = useMemberFormat();
  const errorText = useErrorText();
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inForce = (props.history?.records ?? []).filter((record) => record.liftedAt === null);

  async function set(kind: SelfServedRestriction, active: boolean) {
    setWorking(true);
    setError(null);
    try {
      await api("/api/account/restrictions", { method: "PUT", body: { kind, active } });
      await props.onChanged();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setWorking(false);
    }
  }

  return (
    <>
      {KINDS.map(({ kind, label, help }) => {
        const current = inForce.find((record) => record.kind === kind);
        const headingId = `restriction-${kind}`;
        return (
          <section key={kind} className="toggle-row" aria-labelledby={headingId}>
            <div>
              <h3 id={headingId}>
                {t(label)}: <span>{current ? t("on") : t("off")}</span>
              </h3>
              <p className="hint">{t(help)}</p>
              {current ? <p>{t("since", { when: format.dateTime(textOf(current.startedAt)) })}</p> : null}
            </div>
            <button
              type="button"
              className="button button--secondary"
              disabled={working}
              aria-describedby={headingId}
              onClick={() => set(kind, !current)}
            >
              {current ? t("lift") : t("start")}
            </button>
          </section>
        );
      })}
      <ErrorAlert message={error} />
    </>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";
import { useErrorText } from "@/components/shared/use-error-text";

/**
 * Stops a generation that is still queued or running. The live view shows the
 * outcome: at once for a queued job, after the image in progress for a running one.
 */
export function CancelGeneration({ id }: { id: string }) {
  const t = useTranslations("generate.cancel");
  const errorText = useErrorText();
  const [state, setState] = useState<"idle" | "sending" | "requested">("idle");
  const [error, setError] = useState<string | null>(null);

  async function cancel() {
    if (!window.confirm(t("confirm"))) return;
    setState("sending");
    setError(null);
    try {
      await api(`/api/generations/${encodeURIComponent(id)}/cancel`, { method: "POST" });
      setState("requested");
    } catch (caught) {
      setError(errorText(caught));
      setState("idle");
    }
  }

  return (
    <>
      <p>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => void cancel()}
          disabled={state !== "idle"}
        >
          {state === "requested" ? t("stopping") : t("stop")}
        </button>
      </p>
      <ErrorAlert message={error} />
    </>
  );
}

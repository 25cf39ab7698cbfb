"use client";

import { useState } from "react";
import { api, messageOf } from "@/components/shared/api-client";
import { ErrorAlert } from "@/components/shared/error-alert";

/**
 * Stops a generation that is still queued or running. The live view shows the
 * outcome: at once for a queued job, after the image in progress for a running one.
 */
export function CancelGeneration({ id }: { id: string }) {
  const [state, setState] = useState<"idle" | "sending" | "requested">("idle");
  const [error, setError] = useState<string | null>(null);

  async function cancel() {
    if (
      !window.confirm(
        "Stop this generation? Images already made are kept and charged; the points for the rest come back.",
      )
    )
      return;
    setState("sending");
    setError(null);
    try {
      await api(`/api/generations/${encodeURIComponent(id)}/cancel`, { method: "POST" });
      setState("requested");
    } catch (caught) {
      setError(messageOf(caught));
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
          {state === "requested" ? "Stopping…" : "Stop generating"}
        </button>
      </p>
      <ErrorAlert message={error} />
    </>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiError, NETWORK_ERROR, UNEXPECTED_ANSWER } from "./api-client";

/**
 * What to tell the member about a failed call, in the page's language: the server's
 * own message (it answers in the language the api client asks for), or our words
 * when no answer of ours came back (offline, a proxy's error page, a bug).
 */
export function useErrorText(): (error: unknown) => string {
  const t = useTranslations("member.errors");
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t("unknown");
      if (error.code === NETWORK_ERROR) return t("network");
      if (error.code === UNEXPECTED_ANSWER) return t("status", { status: error.status });
      return error.message || t("unknown");
    },
    [t],
  );
}

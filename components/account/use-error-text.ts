"use client";

/** A sentence in the page's language for whatever signing in, or the API behind it, threw. */
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { ApiError } from "@/components/shared/api-client";
import { asSignInError } from "./firebase-client";

export function useErrorText(): (error: unknown) => string {
  const t = useTranslations("account.authErrors");
  return useCallback(
    (error: unknown) => {
      // The API already answers in the page's language (Accept-Language).
      if (error instanceof ApiError) return error.message;
      const refused = asSignInError(error);
      if (!refused) return t("generic");
      return refused.reason === "unknown" ? t("unknown", { code: refused.code }) : t(refused.reason);
    },
    [t],
  );
}

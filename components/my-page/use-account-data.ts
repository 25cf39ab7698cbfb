"use client";

/** The member's data (GET /api/account/data), in the page's language, reloaded after each change made on My page. */
import { useCallback, useEffect, useState } from "react";
import { api, isAbort } from "@/components/shared/api-client";
import { useErrorText } from "@/components/shared/use-error-text";
import type { JsonValue } from "@/lib/db/database";
import type { AccountData, AccountDataSection } from "@/lib/privacy/get-account-data";

export type { AccountData, AccountDataSection };

export function useAccountData() {
  const errorText = useErrorText();
  const [data, setData] = useState<AccountData | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setData(await api<AccountData>("/api/account/data", { signal }));
        setError(null);
      } catch (caught) {
        if (!isAbort(caught)) setError(errorText(caught));
      }
    },
    [errorText],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const reload = useCallback(() => load(), [load]);
  return { data, error, reload };
}

export function sectionOf(data: AccountData, kind: string): AccountDataSection | undefined {
  return data.sections.find((section) => section.kind === kind);
}

/** A field of a record read generically: its text, or "" when it holds no text. */
export function textOf(value: JsonValue | undefined): string {
  return typeof value === "string" ? value : "";
}

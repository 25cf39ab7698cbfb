"use client";

/**
 * The signed-in member's summary (name, email, balance, verification, language, time
 * zone) for every member page: read by the member layout on the server, loaded here
 * only when the server could not (identity service unavailable), and refreshed by
 * pages that move points. Sends the person to sign in, or to finish sign-up, when the
 * API says so.
 */
import { useRouter } from "@/i18n/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, isAbort } from "@/components/shared/api-client";
import type { Me } from "@/components/shared/api-types";
import { useErrorText } from "@/components/shared/use-error-text";
import { authRedirectFor } from "@/components/account/auth-redirect";
import { DEFAULT_TIME_ZONE } from "@/lib/i18n/locales";

interface MemberState {
  me: Me | null;
  error: string | null;
  /** The zone every date on member pages is shown in: the member's own once known. */
  timeZone: string;
  /** Reloads the summary; resolves with it, or null when it could not be loaded. */
  refresh: () => Promise<Me | null>;
}

const MemberContext = createContext<MemberState | null>(null);

export function MemberProvider({ initialMe, children }: { initialMe: Me | null; children: ReactNode }) {
  const router = useRouter();
  const errorText = useErrorText();
  const [me, setMe] = useState<Me | null>(initialMe);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal): Promise<Me | null> => {
      try {
        const next = await api<Me>("/api/me", { signal });
        setMe(next);
        setError(null);
        return next;
      } catch (caught) {
        if (isAbort(caught)) return null;
        const target = authRedirectFor(caught);
        if (target) router.replace(target);
        else setError(errorText(caught));
        return null;
      }
    },
    [router, errorText],
  );

  useEffect(() => {
    if (initialMe) return;
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, initialMe]);

  const refresh = useCallback(() => load(), [load]);
  // Until the summary arrives (and for an answer without a zone), Korea's: the default of every member.
  const timeZone = me?.timeZone ?? DEFAULT_TIME_ZONE;
  const value = useMemo<MemberState>(() => ({ me, error, timeZone, refresh }), [me, error, timeZone, refresh]);
  return <MemberContext.Provider value={value}>{children}</MemberContext.Provider>;
}

export function useMember(): MemberState {
  const state = useContext(MemberContext);
  if (!state) throw new Error("useMember needs the MemberProvider of the member layout.");
  return state;
}

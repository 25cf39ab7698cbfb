"use client";

/**
 * The signed-in member's summary (name, email, balance, verification) for every member
 * page: read by the member layout on the server, loaded here only when the server could
 * not (identity service unavailable), and refreshed by pages that move points. Sends the
 * person to sign in, or to finish sign-up, when the API says so.
 */
import { useRouter } from "@/i18n/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, isAbort, messageOf } from "@/components/shared/api-client";
import type { Me } from "@/components/shared/api-types";
import { authRedirectFor } from "@/components/account/auth-redirect";

interface MemberState {
  me: Me | null;
  error: string | null;
  refresh: () => Promise<void>;
}

const MemberContext = createContext<MemberState | null>(null);

export function MemberProvider({ initialMe, children }: { initialMe: Me | null; children: ReactNode }) {
  const router = useRouter();
  const [me, setMe] = useState<Me | null>(initialMe);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const next = await api<Me>("/api/me", { signal });
        setMe(next);
        setError(null);
      } catch (caught) {
        if (isAbort(caught)) return;
        const target = authRedirectFor(caught);
        if (target) router.replace(target);
        else setError(messageOf(caught));
      }
    },
    [router],
  );

  useEffect(() => {
    if (initialMe) return;
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, initialMe]);

  const refresh = useCallback(() => load(), [load]);
  const value = useMemo<MemberState>(() => ({ me, error, refresh }), [me, error, refresh]);
  return <MemberContext.Provider value={value}>{children}</MemberContext.Provider>;
}

export function useMember(): MemberState {
  const state = useContext(MemberContext);
  if (!state) throw new Error("useMember needs the MemberProvider of the member layout.");
  return state;
}

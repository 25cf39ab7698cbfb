"use client";

/** Everything around a member page: who is signed in, and the header. */
import type { ReactNode } from "react";
import type { Me } from "@/components/shared/api-types";
import { MemberProvider } from "./member-context";
import { SiteHeader } from "./site-header";

export function MemberShell({ initialMe, children }: { initialMe: Me | null; children: ReactNode }) {
  return (
    <MemberProvider initialMe={initialMe}>
      <SiteHeader />
      <main id="main" className="page">
        {children}
      </main>
    </MemberProvider>
  );
}

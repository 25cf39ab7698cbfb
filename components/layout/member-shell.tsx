"use client";

/** Everything around a member page: who is signed in, and the header. */
import type { ReactNode } from "react";
import { MemberProvider } from "./member-context";
import { SiteHeader } from "./site-header";

export function MemberShell({ children }: { children: ReactNode }) {
  return (
    <MemberProvider>
      <SiteHeader />
      <main id="main" className="page">
        {children}
      </main>
    </MemberProvider>
  );
}

import type { ReactNode } from "react";
import { MemberShell } from "@/components/layout/member-shell";

/** Signed-in pages: their data comes from the API in the browser, which also decides who may see them. */
export default function MemberLayout({ children }: { children: ReactNode }) {
  return <MemberShell>{children}</MemberShell>;
}

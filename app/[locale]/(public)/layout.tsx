import { connection } from "next/server";
import type { ReactNode } from "react";
import { PublicHeader } from "@/components/layout/public-header";
import { getPublicConfig } from "@/lib/config/env";

export default async function PublicLayout({ children }: { children: ReactNode }) {
  // Render per request: never touch services or read configuration while building.
  await connection();
  return (
    <>
      <PublicHeader showMailbox={getPublicConfig().appMode === "local"} />
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}

import type { Metadata } from "next";
import { AuthAction } from "@/components/auth-action";

export const metadata: Metadata = { title: "Account", referrer: "no-referrer" };

function single(value: string | string[] | undefined): string | null {
  return typeof value === "string" && value ? value : null;
}

export default async function AuthActionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  return (
    <div className="page--narrow">
      <AuthAction mode={single(query.mode)} oobCode={single(query.oobCode)} />
    </div>
  );
}

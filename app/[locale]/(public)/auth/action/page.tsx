import type { Metadata } from "next";
import { AuthAction } from "@/components/account/auth-action";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The title names what the link does; the code itself never reaches the head. */
export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const mode = single((await searchParams).mode);
  const title =
    mode === "verifyEmail" ? "Confirm your email" : mode === "resetPassword" ? "Choose a new password" : "Account link";
  return { title, referrer: "no-referrer" };
}

function single(value: string | string[] | undefined): string | null {
  return typeof value === "string" && value ? value : null;
}

export default async function AuthActionPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  return (
    <div className="page--narrow">
      <AuthAction mode={single(query.mode)} oobCode={single(query.oobCode)} />
    </div>
  );
}

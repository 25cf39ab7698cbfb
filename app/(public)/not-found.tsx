import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/not-found-message";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

/** notFound() in a public page: the public layout already gives the header and <main>. */
export default function PublicNotFound() {
  return (
    <div className="page--narrow">
      <NotFoundMessage />
    </div>
  );
}

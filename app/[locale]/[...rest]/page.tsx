import { notFound } from "next/navigation";

/** Any address under a language that no page matches: the localized not-found page, inside the root layout. */
export default function UnknownPage() {
  notFound();
}

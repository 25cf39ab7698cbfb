/** What a missing page says, inside whichever header and <main> its layout gives it. */
import Link from "next/link";

export function NotFoundMessage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is nothing at this address. The link may be mistyped, or what it pointed to has been deleted.</p>
      <p className="actions">
        <Link href="/" className="button">
          Go to the home page
        </Link>
      </p>
    </>
  );
}

import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="page page--narrow">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link href="/">Go to the home page</Link>
      </p>
    </main>
  );
}

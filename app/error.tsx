"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="page page--narrow">
      <title>Something went wrong · imagesfactory</title>
      <h1>Something went wrong</h1>
      <p role="alert" className="error">
        This page could not be shown. Please try again.
      </p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}

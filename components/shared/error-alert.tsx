/** An error message announced to screen readers; renders nothing without a message. */
export function ErrorAlert({ message, id }: { message: string | null | undefined; id?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="error" id={id}>
      {message}
    </p>
  );
}

/** The message under a field whose value was refused. */
export function FieldError({ id, error }: { id: string; error: string | null }) {
  if (error === null) return null;
  return (
    <p className="field__error" id={id} role="alert">
      {error}
    </p>
  );
}

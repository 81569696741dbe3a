export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="field-error">
      {errors.join(" ")}
    </p>
  );
}

/** The server's message when it is not about one field (those show next to their field). */
export function FormMessage({ state }: { state: { status: string; message?: string; fieldErrors?: Record<string, string[]> } }) {
  if (state.status === "ok") {
    return (
      <p className="form-ok" role="status">
        {state.message}
      </p>
    );
  }
  if (state.status === "error") {
    return (
      <p className="form-error" role="alert">
        {state.message}
      </p>
    );
  }
  return null;
}

// A labelled form field with its error message wired for screen readers.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { DateInput } from "./DateInput";

type Common = { label: string; name: string; errors?: string[]; hint?: string };

function Message({ id, errors, hint }: { id: string; errors?: string[]; hint?: string }) {
  return (
    <>
      {hint && !errors?.length ? (
        <p id={`${id}-hint`} className="muted" style={{ margin: 0, fontSize: "0.85rem" }}>
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="field-error">
          {errors.join(" ")}
        </p>
      ) : null}
    </>
  );
}

/** A field's error message on its own, for inputs laid out by hand. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="field-error">
      {errors.join(" ")}
    </p>
  );
}

function aria(id: string, errors?: string[], hint?: string) {
  return {
    "aria-invalid": errors?.length ? (true as const) : undefined,
    "aria-describedby": errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined,
  };
}

/** A text, number or date field; a date field writes the chosen day beside it in the organization's format. */
export function TextField({ label, name, errors, hint, id, type, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const fieldId = id ?? name;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      {type === "date" ? (
        <DateInput id={fieldId} name={name} {...aria(fieldId, errors, hint)} {...rest} />
      ) : (
        <input id={fieldId} name={name} type={type} {...aria(fieldId, errors, hint)} {...rest} />
      )}
      <Message id={fieldId} errors={errors} hint={hint} />
    </div>
  );
}

export function SelectField({
  label,
  name,
  errors,
  hint,
  id,
  children,
  ...rest
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const fieldId = id ?? name;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <select id={fieldId} name={name} {...aria(fieldId, errors, hint)} {...rest}>
        {children}
      </select>
      <Message id={fieldId} errors={errors} hint={hint} />
    </div>
  );
}

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

"use client";
// "Start from a template" for the measure forms: picking one hands its values to the form.
import { SelectField } from "./Field";

export function TemplatePicker<T extends { name: string }>({
  templates,
  selected,
  onPick,
}: {
  templates: readonly T[];
  selected: T | null;
  onPick: (template: T | null) => void;
}) {
  if (templates.length === 0) return null;
  return (
    <SelectField
      label="Start from a template"
      name="template"
      defaultValue={selected?.name ?? ""}
      onChange={(e) => onPick(templates.find((t) => t.name === e.target.value) ?? null)}
    >
      <option value="">— none —</option>
      {templates.map((t) => (
        <option key={t.name}>{t.name}</option>
      ))}
    </SelectField>
  );
}

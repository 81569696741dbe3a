"use client";
// Edit or delete a commitment before the meeting that reviews it; a deletion can be undone
// (the commitment comes back as a new one with the same person, text and measure).
import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/http/runAction";
import { MAX_COMMITMENT_LENGTH } from "@/lib/schemas/formChoices";
import { FieldError, FormMessage } from "@/app/_components/Field";
import { addCommitmentsAction, deleteCommitmentAction, editCommitmentAction, type DeleteCommitmentState } from "./actions";
import styles from "./checkIn.module.css";

type Props = {
  commitment: { id: string; text: string; leadMeasureId: string | null };
  measures: { id: string; name: string }[];
};

export function CommitmentActions({ commitment, measures }: Props) {
  const [editing, setEditing] = useState(false);
  const [editState, edit, saving] = useActionState<ActionState, FormData>(async (prev, form) => {
    const next = await editCommitmentAction(prev, form);
    if (next.status === "ok") setEditing(false);
    return next;
  }, { status: "idle" });
  const [deleteState, remove, deleting] = useActionState<DeleteCommitmentState, FormData>(deleteCommitmentAction, { status: "idle" });
  const id = (name: string) => `${name}-${commitment.id}`;
  const errors = editState.status === "error" ? editState.fieldErrors : {};

  if (deleteState.status === "ok") return <UndoDelete state={deleteState} />;
  return (
    <div className={styles.commitmentActions}>
      {editing ? (
        <form className={styles.add} action={edit} aria-label={`Edit: ${commitment.text}`}>
          <input type="hidden" name="commitmentId" value={commitment.id} />
          <div className="field">
            <label htmlFor={id("edit-text")}>Commitment</label>
            <input id={id("edit-text")} name="text" defaultValue={commitment.text} maxLength={MAX_COMMITMENT_LENGTH} autoComplete="off" aria-invalid={errors.text ? true : undefined} />
            <FieldError id={id("edit-text-error")} errors={errors.text} />
          </div>
          <div className="field">
            <label htmlFor={id("edit-measure")}>Moves lead measure</label>
            <select id={id("edit-measure")} name="leadMeasureId" defaultValue={commitment.leadMeasureId ?? ""}>
              <option value="">(none)</option>
              {measures.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
            <FieldError id={id("edit-measure-error")} errors={errors.leadMeasureId} />
          </div>
          <div className={styles.formFoot}>
            <button type="submit" disabled={saving}>
              {saving ? "Saving…" : "Save"}
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
            {editState.status === "error" && <FormMessage state={editState} />}
          </div>
        </form>
      ) : (
        <div className={styles.formFoot}>
          <button type="button" className="link-button" onClick={() => setEditing(true)} aria-label={`Edit “${commitment.text}”`}>
            Edit
          </button>
          <form action={remove}>
            <input type="hidden" name="commitmentId" value={commitment.id} />
            <button type="submit" className="link-button" disabled={deleting} aria-label={`Delete “${commitment.text}”`}>
              {deleting ? "Deleting…" : "Delete"}
            </button>
          </form>
          {editState.status === "ok" && <FormMessage state={editState} />}
          {deleteState.status === "error" && <FormMessage state={deleteState} />}
        </div>
      )}
    </div>
  );
}

function UndoDelete({ state }: { state: DeleteCommitmentState }) {
  const [undoState, undo, undoing] = useActionState<ActionState, FormData>(addCommitmentsAction, { status: "idle" });
  if (undoState.status === "ok") return null;
  return (
    <form action={undo} className={styles.formFoot}>
      {Object.entries(state.undo ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage state={state} />
      <button type="submit" className="secondary" disabled={undoing}>
        {undoing ? "Restoring…" : "Undo"}
      </button>
      {undoState.status === "error" && <FormMessage state={undoState} />}
    </form>
  );
}

/** What a measure step has added so far, beside its form. */
export function AddedList({ items }: { items: { id: string; name: string; detail: string }[] }) {
  return (
    <section className="card side" aria-labelledby="added-title">
      <h2 id="added-title">Added</h2>
      {items.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul>
          {items.map((m) => (
            <li key={m.id}>
              <strong>{m.name}</strong>
              <span className="muted"> · {m.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

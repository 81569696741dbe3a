// The frame of the pages people see before they are signed in: the brand and one card.
export function AuthCard({ children }: { children: React.ReactNode }) {
  return (
    <div className="auth-wrap">
      <div className="card auth-card">
        <h1>
          Lead<span style={{ color: "var(--accent)" }}>lag</span>
        </h1>
        {children}
      </div>
    </div>
  );
}

// Stands in for the `server-only` marker package under Vitest, which runs outside React's
// server environment. The marker still guards the real app bundle.
export {};

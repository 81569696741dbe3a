// Runs in the browser before the app hydrates.
import { config } from "zod/v4/core";

// zod 4 probes whether it may compile parsers with `Function("")`. The page's CSP (proxy.ts)
// allows no eval, so the probe is refused — zod catches that and parses without compiling, but the
// browser reports a CSP violation on every page that validates a form. jitless skips the probe;
// the browser's parses are small forms, where compiling gains nothing.
config({ jitless: true });

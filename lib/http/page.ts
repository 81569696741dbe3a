import "server-only";
// The request pipeline's last step for pages: a refusal the views throw as an AppError becomes
// the page Next shows for it, as a route answers it with JSON (lib/errors.ts): not found → the
// 404 page, forbidden → the 403 page, unauthenticated → sign-in. Anything else goes on to the
// error page (as an UnavailableError when the database could not serve it now).
import { forbidden, notFound } from "next/navigation";
import { redirectToSignIn } from "@/lib/auth/context";
import { AppError, asUnavailable } from "@/lib/errors";
import { signalUnavailable } from "@/lib/db/overloadSignal";

/** A page's data, or Next's answer to the refusal its loader threw. */
export async function pageData<T>(loading: Promise<T>): Promise<T> {
  try {
    return await loading;
  } catch (err) {
    if (err instanceof AppError) {
      if (err.code === "not_found") notFound();
      if (err.code === "forbidden") forbidden();
      if (err.code === "unauthenticated") await redirectToSignIn();
    }
    // A saturated or absent database: the error page says "busy, try again" (app/error.tsx),
    // with status 503 under `npm start` (lib/db/overloadSignal.ts).
    const unavailable = asUnavailable(err);
    if (unavailable) signalUnavailable();
    throw unavailable ?? err;
  }
}

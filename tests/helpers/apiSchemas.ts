// Every response an integration test receives from a route handler is checked against the
// OpenAPI document's own list of operations (lib/http/openapi/operations.ts): the request's
// method and path name the operation, the status must be one it declares, and a JSON body must
// parse with the response's zod schema (files: the declared media type). A mismatch fails the
// test, so the document cannot drift from what the API answers.
import { z } from "zod";
import { answersOf, findOperation } from "@/lib/http/openapi/operations";
import { RESPONSE_SCHEMAS } from "@/lib/schemas/responses";

export type RouteHandler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/** Throws unless the OpenAPI document declares this response for this request. */
export async function expectDocumented(request: Request, response: Response): Promise<void> {
  const { pathname } = new URL(request.url);
  const where = `${request.method} ${pathname} answered ${response.status}`;
  const op = findOperation(request.method, pathname);
  if (!op) throw new Error(`${where}, but the OpenAPI document has no such operation.`);
  const answers = answersOf(op);
  const answer = answers[String(response.status)];
  if (!answer) throw new Error(`${where}, a status the OpenAPI document does not declare for ${op.path} (it declares ${Object.keys(answers).join(", ")}).`);
  const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  const declared = "json" in answer ? ["application/json"] : Object.keys(answer.content);
  if (!declared.includes(mediaType)) throw new Error(`${where} as "${mediaType}"; the OpenAPI document declares ${declared.join(", ")}.`);
  if (!("json" in answer)) return;
  const result = RESPONSE_SCHEMAS[answer.json].safeParse(await response.clone().json());
  if (!result.success) throw new Error(`${where} with a body that is not the documented ${answer.json}:\n${z.prettifyError(result.error)}`);
}

/** The route handler, checking each response it gives against the OpenAPI document. */
export function documented<P>(handler: RouteHandler<P>): RouteHandler<P> {
  return async (request, context) => {
    const response = await handler(request, context);
    await expectDocumented(request, response);
    return response;
  };
}

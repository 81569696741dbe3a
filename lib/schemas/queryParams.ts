// Query strings as Next hands them to a page: a name given twice arrives as an array. Pages,
// views and schemas read one value per name: the first.
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of `name`, or undefined when it is absent. */
export function firstParam(q: SearchParams, name: string): string | undefined {
  const v = q[name];
  return Array.isArray(v) ? v[0] : v;
}

/** A bare record and a news list's spec, for the list-hint tests that paginate lists by hand. */
import type { AnyRecord } from "../../src/content-types/spec.ts";

export const listRecord = (id: number, title: string) =>
  ({ id, title, body: `正文 ${id}` }) as unknown as AnyRecord;

export const listSpec = (base: string) => ({
  base,
  title: base,
  section: "news",
  breadcrumbs: [{ label: base }],
  style: "news",
});

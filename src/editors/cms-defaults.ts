/**
 * What a new item starts with in the web editor: the values `npm run new` writes (its 【待填写】
 * placeholders, the first choice of each site-config list, `draft: true`, the body), read from the
 * type's own scaffold so the two never disagree. Dates and numbers that depend on the moment or on
 * the content (the next 索引号) are left for the editor: the date picker starts at now.
 */
import type { Site } from "../config/schema.ts";
import { splitFile } from "../content/front-matter.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";
import { scaffold } from "./scaffold.ts";

/** A fixed clock: the defaults must not change from one generation to the next. */
const CLOCK = Date.UTC(2000, 0, 1, 1, 0);
const DATE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/;

/** Values that depend on the clock or the content, not defaults. */
function dependsOnClock(value: unknown): boolean {
  return typeof value === "string" && (DATE.test(value) || value.includes("2000"));
}

/** Field name → value of a new file of this type, plus `body`. Empty when the type cannot be scaffolded without input. */
export function scaffoldDefaults(
  site: Site,
  spec: AnyTypeSpec,
  types: readonly AnyTypeSpec[],
): Record<string, unknown> {
  let text: string;
  try {
    text = scaffold({
      site,
      type: spec.type,
      title: "标题",
      now: CLOCK,
      contentDir: "/nonexistent/gongkai-cms-defaults",
      types,
    }).text;
  } catch {
    return {};
  }
  const { data, body } = splitFile(text);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) {
    if (name === "title" || dependsOnClock(value)) continue;
    out[name] = value;
  }
  if (body.trim()) out.body = body.replace(/^\n+/, "");
  return out;
}

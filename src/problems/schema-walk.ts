/**
 * Walks a zod schema along a front-matter path, to name a field in an error message (its label)
 * and to list the fields an object allows (for "did you mean", src/problems/edit-distance.ts).
 */
import type { z } from "zod";

type AnySchema = z.core.$ZodType;

/** The Chinese label of a field, from its description ("标题：…" → "标题"). */
export function labelOf(description: string | undefined): string | undefined {
  return description?.split(/[：:]/)[0];
}

interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  element?: AnySchema;
  shape?: Record<string, AnySchema>;
  options?: AnySchema[];
}

const defOf = (schema: AnySchema): Def => schema._zod.def;

/** Strips optional, default, pipes and the like down to the schema that holds the value's shape. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else break;
  }
  return current;
}

export function schemaAt(schema: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (const part of path) {
    if (!current) return undefined;
    const def = defOf(unwrap(current));
    if (def.type === "object" && def.shape) current = def.shape[String(part)];
    else if (def.type === "array" && def.element) current = def.element;
    else return undefined;
  }
  return current;
}

/** The description of the schema or of any wrapper around it. */
function describedText(schema: AnySchema): string | undefined {
  let current: AnySchema | undefined = schema;
  for (let i = 0; current && i < 10; i++) {
    const text = (current as unknown as { description?: string }).description;
    if (text) return text;
    const def = defOf(current);
    current = def.innerType ?? (def.type === "pipe" ? def.in : undefined);
  }
  return undefined;
}

export function labelAt(schema: AnySchema, path: readonly PropertyKey[]): string | undefined {
  const at = schemaAt(schema, path);
  return at ? labelOf(describedText(at)) : undefined;
}

export function keysAt(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  const at = schemaAt(schema, path);
  if (!at) return [];
  const def = defOf(unwrap(at));
  return def.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

/** Formats a path as editors see it in YAML: materials[1].name. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : (i === 0 ? "" : ".") + String(p))).join("");
}

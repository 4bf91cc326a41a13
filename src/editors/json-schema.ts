/**
 * JSON Schema for each content type's front matter, generated from the same zod schemas the build
 * validates with (choices from site.config.ts included), for editors' tools. Draft-07, which every
 * validator editors' tools embed (AJV in remark-lint, VS Code's JSON service) understands.
 */
import { z } from "zod";
import type { Site } from "../config/schema.ts";
import { schemaFor } from "../content/read-file.ts";
import { DEFAULT_TYPES } from "../content-types/index.ts";
import { specOf, type AnyTypeSpec } from "../content-types/spec.ts";

export type JsonSchema = {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  default?: unknown;
  examples?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  [key: string]: unknown;
};

export function jsonSchemaFor(
  site: Site,
  type: string,
  types: readonly AnyTypeSpec[] = DEFAULT_TYPES,
): JsonSchema {
  const spec = specOf(types, type);
  const generated = z.toJSONSchema(schemaFor(site, spec), {
    io: "input",
    unrepresentable: "any",
    target: "draft-7",
  }) as JsonSchema;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: `${type}.schema.json`,
    title: `${spec.label}（content/${spec.folder}/）的前言字段`,
    $comment: "由 npm run schemas 从 src/content/*.ts 与 site.config.ts 生成，请勿手工修改。",
    ...rest,
  };
}

/** File name → JSON text, for every content type (stable key order and formatting). */
export function allJsonSchemas(
  site: Site,
  types: readonly AnyTypeSpec[] = DEFAULT_TYPES,
): Map<string, string> {
  return new Map(
    types.map(({ type }) => [
      `${type}.schema.json`,
      `${JSON.stringify(jsonSchemaFor(site, type, types), null, 2)}\n`,
    ]),
  );
}

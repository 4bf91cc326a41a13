/**
 * JSON Schema for each content type's front matter, generated from the same zod schemas the build
 * validates with (choices from site.config.ts included), for editors' tools. Draft-07, which every
 * validator editors' tools embed (AJV in remark-lint, VS Code's JSON service) understands.
 */
import { z } from "zod";
import type { Site } from "../config/schema.ts";
import { CONTENT_TYPES, type ContentType } from "../content/types.ts";
import { schemaFor } from "../content/read-file.ts";

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

export const CONTENT_TYPE_NAMES = Object.keys(CONTENT_TYPES) as ContentType[];

export function jsonSchemaFor(site: Site, type: ContentType): JsonSchema {
  const generated = z.toJSONSchema(schemaFor(site, type), {
    io: "input",
    unrepresentable: "any",
    target: "draft-7",
  }) as JsonSchema;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: `${type}.schema.json`,
    title: `${CONTENT_TYPES[type].label}（content/${CONTENT_TYPES[type].folder}/）的前言字段`,
    $comment: "由 npm run schemas 从 src/content/*.ts 与 site.config.ts 生成，请勿手工修改。",
    ...rest,
  };
}

/** File name → JSON text, for every content type (stable key order and formatting). */
export function allJsonSchemas(site: Site): Map<string, string> {
  return new Map(
    CONTENT_TYPE_NAMES.map((type) => [
      `${type}.schema.json`,
      `${JSON.stringify(jsonSchemaFor(site, type), null, 2)}\n`,
    ]),
  );
}

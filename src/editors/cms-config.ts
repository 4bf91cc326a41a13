/**
 * The web editor's configuration (Decap CMS, docs/cms.md), generated like the JSON Schemas and
 * docs/fields.md from the content types' zod schemas and site.config.ts: one collection per type of
 * the list, so a type added to src/content-types/index.ts gets its collection with no extra work.
 * The backend (local working copy, or the operator's GitHub / GitLab / Gitea / Forgejo with the
 * editorial workflow) comes from `site.cms`.
 */
import { createRequire } from "node:module";
import type { Site } from "../config/schema.ts";
import type { CmsSettings } from "../config/cms.ts";
import { DEFAULT_TYPES } from "../content-types/index.ts";
import type { AnyTypeSpec } from "../content-types/spec.ts";
import { jsonSchemaFor } from "./json-schema.ts";
import { objectFields, type CmsField } from "./cms-fields.ts";
import { scaffoldDefaults } from "./cms-defaults.ts";

export interface CmsCollection {
  name: string;
  label: string;
  label_singular: string;
  folder: string;
  extension: "md";
  format: "frontmatter";
  create: boolean;
  path: string;
  slug: string;
  summary: string;
  sortable_fields: string[];
  preview_path?: string;
  editor: { preview: boolean };
  fields: CmsField[];
}

export interface CmsConfig {
  locale: "zh_Hans";
  backend: Record<string, unknown>;
  publish_mode?: "editorial_workflow";
  media_folder: string;
  public_folder: string;
  site_url: string;
  display_url: string;
  slug: { encoding: "ascii"; clean_accents: boolean; sanitize_replacement: string };
  collections: CmsCollection[];
}

/** The body, for every type: Markdown; the raw mode keeps the text exactly as typed (docs/cms.md). */
const BODY: CmsField = {
  name: "body",
  label: "正文",
  widget: "markdown",
  required: false,
  hint: "Markdown 正文；用“富文本”按钮切换所见即所得编辑",
  modes: ["raw", "rich_text"],
  sanitize_preview: true,
};

/**
 * Where new files go: `{{year}}/…` for the types `npm run new` files by year, a fixed subfolder
 * (the first periodical) or the folder itself. File names are ASCII (date and time), never a
 * slug of the Chinese title.
 */
function placement(site: Site, spec: AnyTypeSpec): { path: string; slug: string } {
  const probe = { toFormat: () => "", year: 2000 } as never;
  let sub = "";
  try {
    sub = spec.scaffold.folder({ site, stamp: probe, name: undefined, contentDir: "", used: [] });
  } catch {
    sub = "";
  }
  if (spec.scaffold.path) return { path: "{{slug}}", slug: "{{year}}{{month}}{{day}}-{{hour}}{{minute}}" };
  if (sub === "2000") return { path: "{{year}}/{{slug}}", slug: "{{month}}{{day}}-{{hour}}{{minute}}" };
  if (sub) return { path: `${sub}/{{slug}}`, slug: "{{year}}{{month}}{{day}}-{{hour}}{{minute}}" };
  return { path: "{{slug}}", slug: "{{year}}{{month}}{{day}}-{{hour}}{{minute}}" };
}

/** The first field with a default of its own wins over the scaffold's (dates stay empty to pick). */
function withDefaults(fields: CmsField[], defaults: Record<string, unknown>): CmsField[] {
  return fields.map((f) => (f.name in defaults ? { ...f, default: defaults[f.name] } : f));
}

export function cmsCollection(
  site: Site,
  spec: AnyTypeSpec,
  types: readonly AnyTypeSpec[],
  contentFolder = "content",
): CmsCollection {
  const schema = jsonSchemaFor(site, spec.type, types);
  const fields = objectFields(schema, { mediaTypes: site.mediaTypes });
  const defaults = scaffoldDefaults(site, spec, types);
  const { body, ...frontMatter } = defaults;
  const { path, slug } = placement(site, spec);
  const dated = "date" in (schema.properties ?? {});
  return {
    name: spec.type,
    label: spec.label,
    label_singular: spec.label,
    folder: `${contentFolder}/${spec.folder}`,
    extension: "md",
    format: "frontmatter",
    create: true,
    path,
    slug,
    summary: dated ? "{{title}}（{{date}}）" : "{{title}}",
    sortable_fields: dated ? ["date", "title"] : ["title"],
    editor: { preview: true },
    fields: [
      ...withDefaults(fields, frontMatter),
      typeof body === "string" ? { ...BODY, default: body } : BODY,
    ],
  };
}

/** The backend block: the local working copy through `npm run cms`, or the operator's Git host. */
function backendOf(cms: CmsSettings, local: string | undefined): Record<string, unknown> {
  if (local) return { name: "proxy", proxy_url: local, branch: cms.backend?.branch ?? "main" };
  if (!cms.backend) return { name: "proxy", proxy_url: "/api/v1", branch: "main" };
  const { name, repo, branch, baseUrl, apiRoot, authEndpoint, appId, authType } = cms.backend;
  return {
    name,
    repo,
    branch,
    ...(baseUrl ? { base_url: baseUrl } : {}),
    ...(apiRoot ? { api_root: apiRoot } : {}),
    ...(authEndpoint ? { auth_endpoint: authEndpoint } : {}),
    ...(appId ? { app_id: appId } : {}),
    ...(authType ? { auth_type: authType } : {}),
    commit_messages: {
      create: "新建{{collection}}：{{slug}}",
      update: "修改{{collection}}：{{slug}}",
      delete: "删除{{collection}}：{{slug}}",
      uploadMedia: "上传文件：{{path}}",
      deleteMedia: "删除文件：{{path}}",
    },
  };
}

export interface CmsConfigOptions {
  /** The local backend's API address (`npm run cms`); absent for the operator's Git host. */
  localApi?: string;
  types?: readonly AnyTypeSpec[];
  /** The content folder relative to the repository root (default content). */
  contentFolder?: string;
}

export function cmsConfig(site: Site, options: CmsConfigOptions = {}): CmsConfig {
  const types = options.types ?? DEFAULT_TYPES;
  const cms = site.cms;
  // The editorial workflow needs branches and pull requests: a Git host, not the working copy.
  const workflow = !options.localApi && cms.backend !== undefined && cms.editorialWorkflow;
  return {
    locale: "zh_Hans",
    backend: backendOf(cms, options.localApi),
    ...(workflow ? { publish_mode: "editorial_workflow" as const } : {}),
    media_folder: `${options.contentFolder ?? "content"}/media`,
    public_folder: "/media",
    site_url: site.baseUrl,
    display_url: site.baseUrl,
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: types.map((spec) => cmsCollection(site, spec, types, options.contentFolder)),
  };
}

/** Where the operator's copy is written (`npm run schemas`), and the comment it starts with. */
export const CMS_CONFIG_FILE = "schemas/cms.config.yml";

/**
 * The operator's config as YAML, for review and for hosting admin/ elsewhere: generated with the
 * rest of schemas/ (a test fails while it is stale, so a choice list cannot drift from the site).
 */
export function cmsConfigYaml(site: Site, options: CmsConfigOptions = {}): string {
  return [
    "# 由 npm run schemas 从 src/content/*.ts 与 site.config.ts 生成，请勿手工修改。网页内容管理说明见 docs/cms.md。",
    // Required here: the build imports this module for its admin step, and every thread would load `yaml`.
    (createRequire(import.meta.url)("yaml") as typeof import("yaml")).stringify(cmsConfig(site, options), {
      lineWidth: 0,
    }),
  ].join("\n");
}

/**
 * 机关: departments, towns and the government itself (content/organs/<key>.md, the key of the
 * organ's entry in site config `departments`). Each has a 机构 page (机构职能 and current 负责人)
 * and a 公开平台 with the four columns of 国办公开办函〔2019〕61号; the 政府信息公开 hub links them
 * all. docs/organs.md.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { shownPath } from "../problems/placed.ts";
import { organSchema, type OrganFields } from "../content/organ.ts";
import { organBody } from "../../layouts/organs/organ.ts";
import { PLACEHOLDER as TODO, PLACEHOLDER_PHONE } from "../content/placeholders.ts";
import { ScaffoldError } from "../editors/scaffold-lines.ts";
import { organUrls } from "../organs/urls.ts";
import { organsInOrder } from "../organs/platform.ts";
import { organChecks } from "./organ-checks.ts";
import { organPages } from "./organ-pages.ts";
import { emptyCategoryWarnings } from "./organ-inspect.ts";
import type { ScaffoldInput, TypeSpec } from "./spec.ts";

const FOLDER = "organs";

/** The department a new organ file is for: the one named (--name), or the first without a file. */
function keyOf({ site, name, contentDir }: ScaffoldInput): string {
  const keys = site.departments.map((d) => d.key);
  if (name !== undefined) {
    if (!keys.includes(name))
      throw new ScaffoldError(
        `机关文件的文件名必须是站点配置 departments 中的键，例如 --name ${keys[0]}；可选：${keys.join("、")}`,
      );
    if (existsSync(path.join(contentDir, FOLDER, `${name}.md`)))
      throw new ScaffoldError(`${shownPath(path.resolve(contentDir, FOLDER, `${name}.md`))} 已存在`);
    return name;
  }
  const free = keys.find((key) => !existsSync(path.join(contentDir, FOLDER, `${key}.md`)));
  if (!free) throw new ScaffoldError("站点配置 departments 中的每个机关都已有文件；请先在站点配置中添加机关");
  return free;
}

export const organ: TypeSpec<"organ", OrganFields> = {
  type: "organ",
  folder: FOLDER,
  label: "机关",
  schema: organSchema,
  section: "organs",
  nav: { label: "机构", url: organUrls.organs, order: 2.5 },
  detail: {
    layout: organBody,
    crumbs: () => [{ label: "机构", url: organUrls.organs }],
    description: (r) => `${r.fields.title}的主要职责、内设机构、联系方式和领导信息`,
  },
  checks: (site, records) => organChecks(site, records),
  pages: organPages,
  inspect: (portal) => emptyCategoryWarnings(portal),
  sitemap: ({ portal }) => ({
    title: "机构",
    url: organUrls.organs,
    children: organsInOrder(portal).flatMap((o) => [
      { label: o.record.fields.title, url: organUrls.organ(o.key) },
      { label: `${o.record.fields.title}政府信息公开平台`, url: organUrls.platform(o.key) },
    ]),
  }),
  sitemapLinks: () => ({
    into: "policies",
    links: [{ label: "政府信息公开（各机关公开平台）", url: organUrls.hub }],
  }),
  undatedYears: true,
  scaffold: {
    lines: () => [
      `kind: 政府部门  # 可选：人民政府、政府部门、乡镇、街道`,
      `# parent: 上级机关（站点配置 departments 中的名称）`,
      `address: ${TODO}`,
      `hours: 工作日 8:30—12:00，14:30—17:30`,
      `phone: "${PLACEHOLDER_PHONE}"`,
      `# fax: 传真`,
      `# email: 邮箱`,
      `units: []  # 内设机构：- { name: 办公室, duties: 职责 }`,
      `leaders: []  # 负责人：- { name, photo: { src, alt }, position, duties, resume, from: YYYY-MM-DD }`,
      `open_guide:`,
      `  classification: ${TODO}分类与编排`,
      `  access: ${TODO}获取方式`,
      `  office:`,
      `    name: ${TODO}工作机构名称`,
      `    address: ${TODO}`,
      `    hours: 工作日 8:30—12:00，14:30—17:30`,
      `    phone: "${PLACEHOLDER_PHONE}"`,
      `    fax: "${PLACEHOLDER_PHONE}"`,
      `    online: ${TODO}电子邮箱`,
      `statutory:`,
      `  - { name: 规章和规范性文件, policy_kinds: [行政规范性文件] }`,
      `  - { name: 机构职能, organ_page: true }`,
    ],
    folder: () => "",
    path: (input) => `${FOLDER}/${keyOf(input)}.md`,
    body: `${TODO}主要职责。\n`,
  },
};

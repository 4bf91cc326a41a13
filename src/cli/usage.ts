/** What `--help` prints for each command (and what a wrong command line is answered with). */
import { DEFAULT_TYPES } from "../content-types/index.ts";

export type SiteCommand = "build" | "check" | "start" | "cms";

const SITE_OPTIONS = `  --config <文件>        站点配置文件（默认 site.config.ts）
  --content <目录>       内容目录（默认 content）
  --path-prefix <路径>   网站所在的子路径，例如 /portal/（也可用环境变量 GONGKAI_PATH_PREFIX）
  --base-url <网址>      网站的公开地址，例如 https://www.example.gov.cn（也可用 GONGKAI_BASE_URL）
  --now "<时间>"         按这个时间生成，格式 YYYY-MM-DD HH:mm（也可用 GONGKAI_NOW）
  --drafts               预览：草稿和定时发布的内容也生成，并标明
  -h, --help             显示本说明`;

const OUT_OPTION = `  --out <目录>           输出目录（默认 _site，预览默认 _preview）；只能是空目录、不存在的目录或
                         以前生成的网站，其他目录一律拒绝`;

const CACHE_OPTION = `  --cache <目录>         构建缓存目录（默认 .gongkai-cache）：未改动的页面和搜索索引从中取用，
                         结果与全新生成逐字节相同；CI 可在两次运行之间保留此目录
  --no-cache             不使用构建缓存，全部重新生成`;

const USAGES: Record<SiteCommand | "new" | "schemas", string> = {
  build: `用法：npm run build -- [选项]
检查 content/ 和站点配置，生成整个网站；全部成功后才替换输出目录。

选项：
${OUT_OPTION}
${CACHE_OPTION}
${SITE_OPTIONS}`,
  check: `用法：npm run check -- [选项]
检查站点配置和 content/ 中的全部文件，一次列出所有问题，不写任何文件。有错误时退出码为 1。

选项：
${SITE_OPTIONS}`,
  start: `用法：npm start -- [选项]
生成网站并在本机预览（http://127.0.0.1:8080/），修改 content/ 中的文件后自动更新页面。

选项：
  --port <端口>          预览端口（默认 8080）
${OUT_OPTION}
${CACHE_OPTION}
${SITE_OPTIONS}`,
  cms: `用法：npm run cms -- [选项]
在本机打开网页内容管理（http://127.0.0.1:8081/admin/）：直接编辑本工作副本中的 content/，旁边是网站预览（草稿也显示）。
保存即写入文件；用 git 提交。说明见 docs/cms.md。

选项：
  --port <端口>          内容管理端口（默认 8081）
${OUT_OPTION}
${SITE_OPTIONS}`,
  new: `用法：npm run new -- <类型> <标题> [--name 英文文件名]
新建一篇草稿，填好今天的日期，并打印文件路径。
类型：${DEFAULT_TYPES.map((t) => `${t.type}（${t.label}）`).join("、")}

选项：
  --name <文件名>        文件名（英文、数字和 -，不含 .md）
  --config <文件>        站点配置文件（默认 site.config.ts）
  --content <目录>       内容目录（默认 content）
  --now "<时间>"         按这个时间填写日期（也可用 GONGKAI_NOW）
  -h, --help             显示本说明`,
  schemas: `用法：npm run schemas -- [选项]
按站点配置生成 schemas/<类型>.schema.json（供编辑器检查和补全）。

选项：
  --docs                 改为生成 docs/fields.md 和 README.md 中的字段说明（即 npm run docs:fields）
  --config <文件>        站点配置文件（默认 site.config.ts）
  -h, --help             显示本说明`,
};

export function usageOf(command: keyof typeof USAGES): string {
  return USAGES[command];
}

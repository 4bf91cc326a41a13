/**
 * 公文 parts in Markdown (GB/T 9704-2012 conventions), as fenced containers an editor can read:
 *
 *   ::: 主送机关
 *   各镇人民政府，各街道办事处，市政府各部门：
 *   :::
 *
 *   （正文……）
 *
 *   ::: 附件说明
 *   附件：1. 白桦岭市公共数据开放目录
 *         2. 公共数据开放申请表
 *   :::
 *
 *   ::: 落款
 *   白桦岭市人民政府
 *   2026年3月1日
 *   :::
 *
 * 主送机关 is set flush left under the title; 附件说明 one line below the text, indented two
 * characters, later attachments aligned under the first name; 落款 (issuing organ over the date) at
 * the right, the date four characters from the right edge and the organ centred over it
 * (site.css and print.css, `.gw-*`). Lines inside a container stay lines: no blank line is needed.
 * Unknown names after ::: are left as text, so a typo shows on the page instead of vanishing.
 */
import MarkdownIt from "markdown-it";
import container from "markdown-it-container";

type Markdown = InstanceType<typeof MarkdownIt>;

/** Container name (what editors write) → class on the <div>. */
export const OFFICIAL_PARTS = {
  主送机关: "gw-addressee",
  附件说明: "gw-attachments",
  落款: "gw-signature",
} as const;

export function officialDocumentParts(md: Markdown): void {
  for (const [name, cls] of Object.entries(OFFICIAL_PARTS)) {
    md.use(container, name, {
      validate: (params: string) => params.trim() === name,
      render: (tokens: readonly { nesting: number }[], idx: number) =>
        tokens[idx].nesting === 1 ? `<div class="${cls}">\n` : "</div>\n",
    });
  }
  // Inside the containers a line break is a real break (the organ above the date, one attachment per line).
  md.core.ruler.push("gongkai_official_breaks", (state) => {
    let depth = 0;
    for (const token of state.tokens) {
      if (token.type.startsWith("container_")) depth += token.nesting;
      if (depth > 0 && token.type === "inline")
        for (const child of token.children ?? []) if (child.type === "softbreak") child.type = "hardbreak";
    }
  });
}

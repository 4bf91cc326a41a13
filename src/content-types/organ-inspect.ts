/**
 * An empty 法定主动公开内容 category is what inspectors count as an empty column: a warning naming
 * the organ's file, the category's line and its field.
 */
import type { Portal } from "../portal/portal.ts";
import type { Problem } from "../problems/problems.ts";
import { lineOfRecordPath } from "../content/line-of-field.ts";
import { organsOf } from "../organs/platform.ts";
import { categoryItems } from "../organs/category-items.ts";

export function emptyCategoryWarnings(portal: Portal): Problem[] {
  return organsOf(portal).list.flatMap((organ) =>
    organ.record.fields.statutory.flatMap((category, i) => {
      const filled =
        category.organ_page || (category.links?.length ?? 0) > 0 || categoryItems(organ, category).length > 0;
      if (filled) return [];
      return [
        {
          severity: "warning" as const,
          file: organ.record.file,
          line: lineOfRecordPath(organ.record, ["statutory", i]),
          field: `statutory[${i}]（法定主动公开内容）`,
          message: `${organ.record.fields.title}的法定主动公开内容“${category.name}”没有任何信息（空栏目）；请发布相关信息，或在该类别中增加填充它的栏目、文件类型、事项类型或专题`,
        },
      ];
    }),
  );
}

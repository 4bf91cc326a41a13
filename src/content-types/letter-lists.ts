/** The lists of 留言办理: every public letter, by 类型 and by 办理状态, each with the other lists as facets. */
import type { Portal } from "../portal/portal.ts";
import type { RecordOf } from "../content/types.ts";
import type { ListPageData, Facet } from "../view/list-data.ts";
import { paginate } from "../pages/paginate.ts";
import { LETTER_KINDS } from "../content/letter.ts";
import { interactionUrls } from "../portal/interaction-urls.ts";
import { letterStatus, type LetterStatus } from "./letter-status.ts";

const STATUSES: readonly LetterStatus[] = ["已答复", "办理中"];

/** The letters readers may see, newest first (a letter with `public: false` is counted, never listed). */
export const publicLetters = (portal: Portal): RecordOf<"letter">[] =>
  portal.byType.letter.filter((r) => r.fields.public);

export function letterLists(portal: Portal): ListPageData[] {
  const letters = publicLetters(portal);
  const byKind = LETTER_KINDS.map((kind) => ({ kind, items: letters.filter((r) => r.fields.kind === kind) }));
  const byStatus = STATUSES.map((status) => ({
    status,
    items: letters.filter((r) => letterStatus(r) === status),
  }));
  const facets: Facet[] = [
    {
      label: "按类型",
      links: byKind.map(({ kind, items }) => ({
        label: kind,
        url: interactionUrls.letterType(kind),
        count: items.length,
      })),
    },
    {
      label: "按办理状态",
      links: byStatus.map(({ status, items }) => ({
        label: status,
        url: interactionUrls.letterStatus(status),
        count: items.length,
      })),
    },
  ];
  const crumbs = [
    { label: "互动交流", url: interactionUrls.index },
    { label: "留言办理", url: interactionUrls.letters },
  ];
  const common = {
    section: "interaction",
    style: "letter",
    facets,
    column: { name: "留言办理", description: "来信的受理、转办和答复情况", type: "互动交流" },
  };
  const pageSize = portal.site.pageSize;
  return [
    ...paginate(
      {
        ...common,
        base: interactionUrls.letters,
        title: "留言办理",
        breadcrumbs: [crumbs[0], { label: "留言办理" }],
        description:
          "公开的来信及其答复。受理日期、答复日期、答复单位和答复内容逐条公开；不公开的来信计入留言办理统计。",
      },
      letters,
      pageSize,
      true,
    ),
    ...byKind.flatMap(({ kind, items }) =>
      paginate(
        {
          ...common,
          base: interactionUrls.letterType(kind),
          title: `${kind}类来信`,
          breadcrumbs: [...crumbs, { label: kind }],
        },
        items,
        pageSize,
        true,
      ),
    ),
    ...byStatus.flatMap(({ status, items }) =>
      paginate(
        {
          ...common,
          base: interactionUrls.letterStatus(status),
          title: `${status}的来信`,
          breadcrumbs: [...crumbs, { label: status }],
        },
        items,
        pageSize,
        true,
      ),
    ),
  ];
}

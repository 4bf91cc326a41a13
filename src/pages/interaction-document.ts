/**
 * The 互动交流 page as a document search holds: where a reader finds the 市长信箱 and the other
 * 咨询建言 channels (adv48: 市长信箱 gave no result). Only its 咨询建言 section is searched (its
 * `data-search-body`, as a topic page's introduction): the letters and lists under it are other
 * pages' titles and counts, found on those pages.
 */
import { interactionPage } from "../../layouts/interaction.ts";
import type { SearchEntry, TypePage } from "../content-types/spec.ts";
import type { BuildState } from "../eleventy/state.ts";
import { interactionUrls } from "../portal/interaction-urls.ts";
import { letterTallies } from "../tallies/letters.ts";

export function interactionDocument(state: BuildState): TypePage & { search: SearchEntry } {
  return {
    url: interactionUrls.index,
    render: (ctx) => interactionPage(ctx, letterTallies(state.portal).years.at(-1)),
    search: { title: "互动交流", date: "", filters: { type: "互动交流" } },
  };
}

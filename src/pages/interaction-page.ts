/** The 互动交流 section's own page (layouts/interaction.ts). */
import { interactionPage } from "../../layouts/interaction.ts";
import { interactionUrls } from "../portal/interaction-urls.ts";
import type { BuildState } from "../eleventy/state.ts";
import { letterTallies } from "../tallies/letters.ts";
import { SinglePage } from "./single-page.ts";

export class InteractionPage extends SinglePage {
  readonly url = interactionUrls.index;
  protected renderPage(state: BuildState) {
    return interactionPage(state.ctx, letterTallies(state.portal).years.at(-1));
  }
}

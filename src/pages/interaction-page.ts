/** The 互动交流 section's own page (layouts/interaction.ts), rendered as search renders it (interaction-document.ts). */
import { interactionUrls } from "../portal/interaction-urls.ts";
import type { BuildState } from "../eleventy/state.ts";
import { interactionDocument } from "./interaction-document.ts";
import { SinglePage } from "./single-page.ts";

export class InteractionPage extends SinglePage {
  readonly url = interactionUrls.index;
  protected renderPage(state: BuildState) {
    return interactionDocument(state).render(state.ctx);
  }
}

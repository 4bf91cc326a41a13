/** Writes the open-data files (tallies.json, a CSV per year) into the rendered site. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BuildStep } from "../build/steps.ts";
import { talliesCsv, talliesJson } from "./open-data.ts";
import { talliesUrls } from "./urls.ts";

export const openDataStep: BuildStep = {
  name: "open data",
  outputs: (state) => [talliesUrls.openDataJson, ...state.tallies.years.map(talliesUrls.openDataCsv)],
  run(state, outDir) {
    const write = (url: string, text: string) => {
      const file = path.join(outDir, url);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    };
    write(talliesUrls.openDataJson, talliesJson(state.portal, state.tallies));
    for (const year of state.tallies.years)
      write(talliesUrls.openDataCsv(year), talliesCsv(state.portal, state.tallies, year));
  },
};

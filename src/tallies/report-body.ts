/**
 * Splits a report file's Markdown body into the template's six sections by their level-2
 * headings (## 一、总体情况 …). Text before the first heading is an introduction.
 */
import { REPORT_SECTIONS } from "../content/report-tables.ts";

export interface BodySection {
  /** The template heading this section matched ("" for the introduction). */
  heading: string;
  markdown: string;
}

const NUMERALS = ["一", "二", "三", "四", "五", "六"];

export function reportSections(body: string): BodySection[] {
  const sections: BodySection[] = [{ heading: "", markdown: "" }];
  for (const line of body.split(/\r?\n/)) {
    const match = /^##\s+(.+?)\s*#*\s*$/.exec(line);
    // A heading counts by its numeral (一、 … 六、), so an editor's wording of the rest does not matter.
    const numeral = match ? NUMERALS.indexOf(match[1].trim().charAt(0)) : -1;
    if (match && numeral >= 0 && match[1].trim().charAt(1) === "、")
      sections.push({ heading: REPORT_SECTIONS[numeral], markdown: "" });
    else sections[sections.length - 1].markdown += `${line}\n`;
  }
  return sections.filter((s) => s.heading !== "" || s.markdown.trim() !== "");
}

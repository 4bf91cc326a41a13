/** Registers every after-render step; they run by their `order` (steps.ts), ties in this import order. */
import "../media/copy-step.ts";
import "./headers-file.ts";
import "./sitemap-xml.ts";
import "./manifest.ts";
import "../tallies/open-data-step.ts";
import "../search/index-step.ts";

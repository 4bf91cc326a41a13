/** Registers every after-render step, in the order they run. */
import "../tallies/open-data-step.ts";

/** Registers every after-render step, in the order they run. */
import "../search/index-step.ts";

/** Registers every after-render step, in the order they run. */

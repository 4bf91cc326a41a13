/** Types of content-stats.mjs (plain JavaScript: the content scan's worker runs it). */
export declare const STAT_CHUNK: number;
export declare function statChunk(paths: readonly string[], stats: Float64Array, chunk: number): boolean;

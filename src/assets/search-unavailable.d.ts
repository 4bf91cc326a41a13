/** Types of search-unavailable.js (plain JavaScript, the search page's notice that search cannot run). */
export declare const UNAVAILABLE: string;
export declare function sayUnavailable(): void;

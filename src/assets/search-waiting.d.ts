/** Types of search-waiting.js (plain JavaScript, the search page's notice while an upload is under way). */
export declare const UPDATING: string;
export declare function watchUpload(
  ask: (type: string) => Promise<unknown>,
  searching: () => boolean,
  say: (text: string) => void,
): void;

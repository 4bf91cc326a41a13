/** Types of module-bundle.mjs (plain JavaScript: the command launcher runs it before tsx). */
export declare const PROJECT_ROOT: string;
export declare function filesOf(name: string): { bundle: string; stamps: string };
export declare function bundlesOff(): boolean;
export declare function freshBundle(name: string): URL | undefined;
export declare function compiledBundle(name: string, entry: string): Promise<URL>;
export declare const TSX_LOADED: unique symbol;
export declare function loadTsx(): Promise<void>;
export declare function moduleBundle(name: string, entry: string): Promise<URL | undefined>;

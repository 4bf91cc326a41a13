/** The part of Eleventy's programmatic API that Gongkai uses (the package ships no types for it). */
declare module "@11ty/eleventy" {
  import type { EleventyConfigLike } from "../eleventy/plugin.ts";

  interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string | false;
    pathPrefix?: string;
    runMode?: "build" | "serve" | "watch";
    config?: (eleventyConfig: EleventyConfigLike) => void | Promise<void>;
  }

  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** Silences Eleventy's own console output, errors included (the CLI reports them). */
    disableLogger(): void;
    init(): Promise<void>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
  }
}

declare module "markdown-it-cjk-breaks" {
  import type MarkdownIt from "markdown-it";
  /** Drops a soft line break between two East Asian characters (a browser would show it as a space). */
  const cjkBreaks: (md: MarkdownIt) => void;
  export default cjkBreaks;
}

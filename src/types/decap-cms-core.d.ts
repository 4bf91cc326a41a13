/** Decap's front-matter serializer, as the round-trip test calls it (decap-cms-core ships no types for it). */
declare module "decap-cms-core/dist/esm/formats/frontmatter.js" {
  interface FrontmatterFormatter {
    fromFile(text: string): Record<string, unknown>;
    toFile(data: Record<string, unknown>, sortedKeys?: string[]): string;
  }
  export function frontmatterYAML(customDelimiter?: string): FrontmatterFormatter;
}

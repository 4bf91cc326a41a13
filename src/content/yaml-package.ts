/**
 * The `yaml` package, required on first use: ~60 ms of CPU to load, which every reading thread of
 * a build would pay for nothing. Only a file with a problem to place (front-matter.ts) or a value
 * written over several lines (folded-lines.ts) needs its syntax tree.
 */
import { createRequire } from "node:module";

type YamlModule = typeof import("yaml");

let yamlPackage: YamlModule | undefined;

export const yaml = (): YamlModule =>
  (yamlPackage ??= createRequire(import.meta.url)("yaml") as YamlModule);

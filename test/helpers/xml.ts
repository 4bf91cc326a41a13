/** xmllint (Debian libxml2-utils) for the XML tests: schema validation and XPath counts. */
import { execFileSync, spawnSync } from "node:child_process";

/** Reason to skip, or false; CI installs xmllint, so there it never skips. */
export const noXmllint: string | false =
  spawnSync("xmllint", ["--version"]).error && !process.env.CI ? "xmllint is not installed" : false;

/** Validates `file` against an XSD; returns xmllint's complaints ("" when valid). */
export function schemaErrors(file: string, xsd: string): string {
  const run = spawnSync("xmllint", ["--noout", "--schema", xsd, file], { encoding: "utf8" });
  return run.status === 0 ? "" : run.stderr;
}

/** Well-formedness: xmllint's complaints, "" when the file parses. */
export function parseErrors(file: string): string {
  const run = spawnSync("xmllint", ["--noout", file], { encoding: "utf8" });
  return run.status === 0 ? "" : run.stderr;
}

/** Value of an XPath expression (a count, a string) evaluated on `file`. */
export function xpath(file: string, expression: string): string {
  return execFileSync("xmllint", ["--xpath", expression, file], { encoding: "utf8" }).trim();
}

/** An Atom element step that ignores prefixes: atom("entry") → *[local-name()='entry' and namespace-uri()='…']. */
export const atom = (name: string) =>
  `*[local-name()='${name}' and namespace-uri()='http://www.w3.org/2005/Atom']`;

/**
 * ESLint 9 flat config: typescript-eslint's type-checked rules, which catch the promise mistakes
 * tests rarely see (a forgotten await, an async request handler whose rejection nothing catches).
 * Formatting is Prettier's job (`npm run format:check`); this file only looks for bugs.
 */
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** What the portal's browser scripts (src/assets/) use from the browser. */
const browser = Object.fromEntries(
  [
    "window",
    "document",
    "location",
    "history",
    "navigator",
    "fetch",
    "URL",
    "URLSearchParams",
    "CustomEvent",
    "Worker",
    "DecompressionStream",
    "atob",
    "Response",
    "TextDecoder",
    "setTimeout",
    "clearTimeout",
    "requestAnimationFrame",
    "MessageChannel",
    "OffscreenCanvas",
    "FontFace",
    "localStorage",
    "console",
  ].map((name) => [name, "readonly"]),
);
const node = Object.fromEntries(
  ["process", "console", "setTimeout", "clearTimeout", "Buffer", "URL", "module", "require"].map((name) => [
    name,
    "readonly",
  ]),
);

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "_site/",
      "_site.*/",
      "_preview/",
      ".cache/",
      ".gongkai-cache/",
      "bench-results/",
      "test-results/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": [
        "error",
        // node:test's test() and describe() return promises the runner itself awaits.
        {
          allowForKnownSafeCalls: [
            { from: "package", package: "node:test", name: ["test", "describe", "it", "suite"] },
          ],
        },
      ],
      "@typescript-eslint/no-misused-promises": "error",
      // Full-width spaces (U+3000) in html`` templates are Chinese typography, on purpose.
      "no-irregular-whitespace": ["error", { skipTemplates: true, skipStrings: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // TypeScript checks names itself (and knows Node's globals from @types/node).
    files: ["**/*.ts"],
    rules: { "no-undef": "off" },
  },
  {
    // Tests read JSON the build wrote and assert its shape themselves.
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Plain JavaScript outside the TypeScript project: browser scripts, the search worker, configs.
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  { files: ["src/assets/**/*.js", "src/platform/assets/*.js"], languageOptions: { globals: browser } },
  // The search page's worker (search.js starts it) talks to the page through its own global scope.
  { files: ["src/assets/search-worker.js"], languageOptions: { globals: { self: "readonly" } } },
  { files: ["src/**/*.mjs", "*.js"], languageOptions: { globals: node } },
  { files: ["**/*.cjs"], languageOptions: { globals: node, sourceType: "commonjs" } },
);

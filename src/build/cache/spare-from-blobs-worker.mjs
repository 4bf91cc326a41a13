/**
 * Makes the spare output folder from the blobs (src/build/cache/spare-from-blobs.ts): for every
 * file the published output's manifest lists, the blob named by its SHA-256 hard-linked at its
 * path, in `partial`, renamed to `root` once whole. Files with no blob (the manifest itself, the
 * output marker, sitemap.xml: written by every build) are left out, and so are their folders when
 * nothing else is in them. Plain JavaScript: workers do not inherit tsx's loader.
 *
 * The manifest is the published output's and could have been edited: a path with an empty, "." or
 * ".." part is skipped, so nothing is made outside `partial`; anything else it names only decides
 * which blob is linked where, and the build that takes the folder trusts none of it (spare.ts).
 */
import { linkSync, mkdirSync, readFileSync, renameSync, rmdirSync, utimesSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const { manifest, blobs, partial, root, settledMs } = workerData;
const SHA256 = /^[0-9a-f]{64}$/;
/** Set back past the racy window, as spare-scan-worker.mjs does for its copy (folder-listing.ts trusts a settled folder). */
const past = (Date.now() - 2 * settledMs) / 1000;

const { files } = JSON.parse(readFileSync(manifest, "utf8"));
const folders = new Set();
/** Folders a file of which had no blob. */
const maybeEmpty = [];
let linked = 0;
/** What an edited manifest can cause (a path listed twice, a file's path used as a folder): that file is left out. */
const SKIPPED = new Set(["EEXIST", "ENOTDIR", "ENOENT"]);

/** Makes the folders above `parts`' file (below `partial`) that are not made yet. */
const makeFolders = (parts) => {
  let dir = partial;
  for (let i = 0; i < parts.length - 1; i++) {
    dir += `/${parts[i]}`;
    if (folders.has(dir)) continue;
    mkdirSync(dir);
    folders.add(dir);
  }
};

mkdirSync(partial);
for (const file of files) {
  const rel = file?.path;
  const sha256 = file?.sha256;
  if (typeof rel !== "string" || typeof sha256 !== "string" || !SHA256.test(sha256)) continue;
  const parts = rel.split("/");
  if (parts.some((part) => part === "" || part === "." || part === "..")) continue;
  const blob = `${blobs}/${sha256.slice(0, 2)}/${sha256}`;
  const parent = parts.length > 1 ? `${partial}/${rel.slice(0, rel.lastIndexOf("/"))}` : partial;
  try {
    if (parent !== partial && !folders.has(parent)) makeFolders(parts);
    linkSync(blob, `${partial}/${rel}`);
    linked++;
  } catch (err) {
    if (!SKIPPED.has(err.code)) throw err;
    // No such blob (a file every build writes: the sitemap, a feed): its folder may stay empty.
    if (parent !== partial) maybeEmpty.push(parent);
  }
}
// A folder with no blob's file in it goes (a clean build has no empty folder), then its parents while empty.
for (let dir of maybeEmpty)
  while (dir !== partial && folders.has(dir))
    try {
      rmdirSync(dir);
      folders.delete(dir);
      dir = dir.slice(0, dir.lastIndexOf("/"));
    } catch {
      break; // Not empty.
    }
for (const dir of folders) utimesSync(dir, past, past);
renameSync(partial, root);
parentPort.postMessage({ linked, folders: folders.size });

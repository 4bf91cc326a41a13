/**
 * Per file of a staging folder's listing made from the spare scan's (folder-listing.ts
 * `folderListingOf`, keyed by its `files` array): the file's index in the scan's listing when it
 * was taken from the scan in a folder unchanged since (a spare file kept in place), else -1; with
 * the scan's listing it indexes. Kept beside the array, which the manifest gets from the session
 * as it is: the manifest asks the staging claims which of these files a writer of a declared
 * output claimed (staging-claims.ts `vouched`) instead of looking each file up among the declared
 * outputs (~0.14 s of a one-edit build's main thread at 50k items). A file of its own: the claims
 * and the listing both need it, and neither may import the other (the store imports the scan).
 */
export const scanPlaces = new WeakMap<readonly string[], { listing: object; places: Int32Array }>();

/**
 * Lists the Markdown files under content/ in a stable order (byte order of their paths), and
 * what may not be there. content/ is a trust boundary: only regular files are read or published,
 * so a symbolic link (to /etc/passwd, to ../../.git/config), a device, a FIFO or a socket anywhere
 * in it is reported, never followed. The walk itself is walk-list.mjs, which the build's content
 * scan also runs on its worker thread (src/build/cache/content-scan.ts).
 */
import { listContentTree, NON_CONTENT_FOLDERS, type ContentFile, type SpecialFile } from "./walk-list.mjs";

export { NON_CONTENT_FOLDERS, type ContentFile, type SpecialFile };

export function listContentFiles(contentDir: string): {
  files: ContentFile[];
  strays: ContentFile[];
  specials: SpecialFile[];
} {
  return listContentTree(contentDir);
}

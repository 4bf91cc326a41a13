/**
 * The types of file a government site publishes under /media/ (site config `mediaTypes`): images,
 * PDF and OFD (版式文件, GB/T 33190), office documents (Microsoft, WPS, OpenDocument), archives,
 * audio, video and captions. Anything a browser would run is refused even if config lists it:
 * served from the site's own origin, a page or script in /media/ runs with the site's rights.
 */
import path from "node:path";

const words = (text: string) => text.trim().split(/\s+/);

export const DEFAULT_MEDIA_TYPES: readonly string[] = [
  ...words("jpg jpeg png gif webp avif bmp tif tiff ico svg"), // images
  ...words("pdf ofd doc docx xls xlsx ppt pptx wps et dps odt ods odp rtf txt csv"), // documents
  ...words("zip rar 7z tar gz tgz bz2 xz"), // archives
  ...words("mp3 m4a aac wav ogg oga opus flac wma amr"), // audio
  ...words("mp4 m4v webm ogv mov avi wmv flv mkv mpg mpeg 3gp"), // video
  ...words("vtt srt"), // captions
];

/**
 * Types a browser renders as a page or runs (HTML and XML documents, scripts, plug-ins, service
 * worker and app manifests), and server-side scripts a misconfigured host might execute.
 */
export const ACTIVE_TYPES: ReadonlySet<string> = new Set(
  words(`
    html htm xhtml xht shtml shtm mht mhtml hta xml xsl xslt svgz rss atom
    js mjs cjs jsx wasm webmanifest appcache manifest
    swf spl xap jar class vbs vbe wsf ps1 bat cmd com exe msi scr dll sh
    php php3 php4 php5 phtml phar asp aspx ashx asmx jsp jspx cgi pl py rb htaccess htpasswd
  `),
);

/** The extension of a file name, lower case without the dot ("" when it has none). */
export function extensionOf(name: string): string {
  return path.posix.extname(name).slice(1).toLowerCase();
}

/**
 * The allowed types as a refusal names them: made only for a refused file (it was made per file:
 * ~16 MB of strings at 14k media files), and by a function of the module, not a closure per file
 * (under keepNames, which the bundle and tsx use, each named closure costs a defineProperty).
 */
const allowedList = (allowed: readonly string[]) =>
  `允许的类型见站点配置 mediaTypes（${allowed.join("、")}）`;

/** Why a /media/ file may not be published, or undefined when its type is allowed (`ext`: its `extensionOf`). */
export function refusedType(
  url: string,
  allowed: readonly string[],
  ext: string = extensionOf(url),
): string | undefined {
  if (ext === "") return `文件没有扩展名，无法确定类型；${allowedList(allowed)}`;
  if (ACTIVE_TYPES.has(ext))
    return `不能发布“.${ext}”文件：网页、脚本等文件会在本站域名下运行，可能被用来攻击访问者；请改用 PDF 等文档格式`;
  if (!allowed.includes(ext)) return `不允许的文件类型“.${ext}”；${allowedList(allowed)}`;
  return undefined;
}

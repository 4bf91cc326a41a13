/**
 * An SVG is a document a browser runs when it is opened directly: it may carry scripts, event
 * handlers, HTML (foreignObject, the XHTML namespace) and references that load other content.
 * Each SVG under content/media is parsed as the browser would (strict XML with namespaces, saxes:
 * a file that is not well-formed is refused, so no parser difference can hide anything) and
 * refused with the reason when it contains any of these. Only references inside the file
 * (`#id`) and embedded raster images (data:image/png …) are allowed.
 */
import { SaxesParser, type SaxesTagNS } from "saxes";

const SVG_NS = "http://www.w3.org/2000/svg";
/** Namespaces whose elements a browser renders as HTML or MathML (with links of their own). */
const ACTIVE_NS = new Set(["http://www.w3.org/1999/xhtml", "http://www.w3.org/1998/Math/MathML"]);
/** SVG elements that run code or embed a document. */
const ACTIVE_ELEMENTS = new Set([
  "script",
  "foreignobject",
  "handler",
  "listener",
  "iframe",
  "embed",
  "object",
]);
const ANIMATIONS = new Set(["animate", "set", "animatemotion", "animatetransform", "animatecolor"]);
/** Attributes whose value is a URL the browser loads or navigates to. */
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "data", "codebase"]);
/** Raster images embedded in the file: they cannot run anything. */
const SAFE_DATA = /^data:image\/(png|jpe?g|gif|webp|avif|bmp);/;

/** CSS with its escapes (\75 rl, \@import) decoded and comments removed, lower case. */
function plainCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => {
      const code = parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
    })
    .replace(/\\(.)/g, "$1")
    .toLowerCase();
}

/** The reason CSS (a <style> element, a style attribute, a presentation attribute) is refused. */
function cssProblem(css: string): string | undefined {
  const plain = plainCss(css);
  if (plain.includes("@import")) return "样式中含有 @import（会加载外部样式）";
  for (const m of plain.matchAll(/url\s*\(\s*(['"]?)\s*([^'")]*)/g)) {
    const target = m[2].replace(/\s+/g, "");
    if (!target.startsWith("#") && !SAFE_DATA.test(target)) return `样式中引用了外部资源 url(${m[2].trim()})`;
  }
  if (/expression\s*\(|-moz-binding|behavior\s*:/.test(plain)) return "样式中含有可执行的表达式";
  return undefined;
}

/** The reason a URL attribute is refused: anything but a fragment in the file or an embedded raster image. */
function urlProblem(value: string): string | undefined {
  // Browsers drop whitespace and control characters in URLs (java\tscript:).
  // eslint-disable-next-line no-control-regex -- control characters are what browsers drop
  const url = value.replace(/[\s\x00-\x1f]+/g, "").toLowerCase();
  if (url.startsWith("#") || SAFE_DATA.test(url)) return undefined;
  if (url.startsWith("javascript:") || url.startsWith("vbscript:")) return `含有脚本链接“${value.trim()}”`;
  return `引用了外部资源“${value.trim()}”（只允许引用本文件内的 #id）`;
}

/** Why this SVG text may not be published, or undefined when it is a plain image. */
export function svgProblem(text: string): string | undefined {
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(text)?.[1];
  if (declared && !/^(utf-?8|us-ascii)$/i.test(declared))
    return `声明的编码为 ${declared}；SVG 文件请以 UTF-8 编码保存`;
  const parser = new SaxesParser({ xmlns: true });
  let problem: string | undefined;
  let root = true;
  let styleDepth = 0;
  const refuse = (reason: string | undefined) => {
    if (reason !== undefined && problem === undefined) problem = reason;
  };
  parser.on("doctype", (doctype) => {
    if (doctype.includes("[")) refuse("含有 DOCTYPE 内部声明（可定义实体、插入内容）");
  });
  parser.on("processinginstruction", (pi) => {
    if (pi.target.toLowerCase() === "xml-stylesheet")
      refuse("含有 xml-stylesheet 指令（会加载外部样式或 XSLT）");
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const local = tag.local.toLowerCase();
    if (root && (tag.uri !== SVG_NS || local !== "svg"))
      refuse("根元素不是 SVG 命名空间中的 <svg>，不是 SVG 图像");
    root = false;
    if (ACTIVE_NS.has(tag.uri)) refuse(`含有 HTML 或 MathML 元素 <${tag.name}>`);
    if (tag.uri === SVG_NS && ACTIVE_ELEMENTS.has(local))
      refuse(`含有 <${tag.name}> 元素（可运行脚本或嵌入网页）`);
    if (tag.uri === SVG_NS && local === "style") styleDepth++;
    for (const attribute of Object.values(tag.attributes)) {
      const name = attribute.local.toLowerCase();
      if (attribute.prefix === "xmlns" || attribute.name === "xmlns") {
        if (ACTIVE_NS.has(attribute.value.trim()))
          refuse(`声明了 HTML 或 MathML 命名空间（${attribute.value.trim()}）`);
        continue;
      }
      if (name.startsWith("on")) refuse(`含有事件处理属性 ${attribute.name}（会运行脚本）`);
      if (URL_ATTRIBUTES.has(name)) refuse(urlProblem(attribute.value));
      if (ANIMATIONS.has(local) && name === "attributename") {
        const target = attribute.value
          .trim()
          .toLowerCase()
          .replace(/^[^:]*:/, "");
        if (target === "href" || target.startsWith("on"))
          refuse(`<${tag.name}> 修改了 ${attribute.value.trim()} 属性`);
      }
      refuse(cssProblem(attribute.value));
    }
  });
  parser.on("closetag", (tag) => {
    if (tag.uri === SVG_NS && tag.local.toLowerCase() === "style") styleDepth--;
  });
  const styleText = (text: string) => {
    if (styleDepth > 0) refuse(cssProblem(text));
  };
  parser.on("text", styleText);
  parser.on("cdata", styleText);
  try {
    parser.write(text).close();
  } catch (err) {
    if (problem !== undefined) return problem;
    return `不是格式正确的 XML（${(err as Error).message.replace(/^[^:]*:\d+:\d+: /, "")}），浏览器无法按图像显示`;
  }
  if (root) return "文件中没有 <svg> 元素，不是 SVG 图像";
  return problem;
}

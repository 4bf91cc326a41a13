/**
 * The form of a 政策解读 (文字, 图解, 视频, 发布会; 国办 rules list 图片、图表、图解、音频、视频): the
 * fields a policy file of kind 政策解读 may add, and what each form requires. A 图解 is an image
 * with a text alternative (its alt, and the body as the full text); a 视频 or 发布会 解读 names the
 * site page that carries it (a video item with captions and transcript; a 发布会 news item,
 * interview or video), checked against the published site by the policy spec.
 */
import { z } from "zod";
import { image } from "./fields.ts";

export const INTERPRETATION_FORMS = ["文字", "图解", "视频", "发布会"] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];

/** ASCII keys of the forms, for URLs and open data. */
export const FORM_KEYS: Record<InterpretationForm, string> = {
  文字: "text",
  图解: "graphic",
  视频: "video",
  发布会: "press",
};

const sitePage = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\/[A-Za-z0-9._/-]+\/$/, { error: "应为本站页面地址，以 / 开头和结尾，如 /videos/2026/example/" })
    .optional()
    .describe(label);

export const interpretationFields = {
  form: z
    .enum(INTERPRETATION_FORMS, { error: `应为：${INTERPRETATION_FORMS.join("、")}` })
    .optional()
    .describe("解读形式：文字（默认）、图解、视频 或 发布会；仅政策解读填写"),
  graphic: image.optional().describe("图解图片：{ src, alt }，图解形式必填；正文写图解的文字版"),
  video: sitePage("解读视频：本站视频页面的地址（带字幕和文字实录），视频形式必填"),
  event: sitePage("发布会：本站发布会新闻、在线访谈或视频页面的地址，发布会形式必填"),
};

/** The form a 解读 is of (文字 when not given). */
export const formOf = (f: { form?: InterpretationForm }): InterpretationForm => f.form ?? "文字";

type FormFields = {
  kind: string;
  form?: InterpretationForm;
  graphic?: unknown;
  video?: string;
  event?: string;
};

/** The rules between kind, form and the form's fields (run in the policy schema's superRefine). */
export function checkInterpretationForm(doc: FormFields, body: (path: string, message: string) => void): void {
  const isInterpretation = doc.kind === "政策解读";
  for (const key of ["form", "graphic", "video", "event"] as const)
    if (!isInterpretation && doc[key] !== undefined) body(key, `只有文件类型为“政策解读”时才能填写 ${key}`);
  if (!isInterpretation) return;
  const form = doc.form ?? "文字";
  const needs: [InterpretationForm, "graphic" | "video" | "event"][] = [
    ["图解", "graphic"],
    ["视频", "video"],
    ["发布会", "event"],
  ];
  for (const [f, key] of needs) {
    if (form === f && doc[key] === undefined) body(key, `解读形式为“${f}”时必须填写 ${key}`);
    if (form !== f && doc[key] !== undefined) body(key, `解读形式为“${form}”，不能填写 ${key}（${f}形式才填写）`);
  }
}

/** A letter's Markdown file for the 留言办理 tests: a public 咨询 received by 市政府办公室 unless told. */
import { md } from "../helpers/fixture.ts";

export const letter = (fields: Record<string, string | boolean | string[] | undefined>, body = "") =>
  md({ kind: "咨询", public: true, received_by: "市政府办公室", ...fields }, body);

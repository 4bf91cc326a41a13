/**
 * The content types of a Gongkai portal, in the order the field docs, `npm run new` and the tallies
 * list them. A build is given this list (or another: tests add a type of their own); nothing else
 * names a type. docs/architecture.md: adding a type.
 */
import { news } from "./news.ts";
import { policy } from "./policy.ts";
import { video } from "./video.ts";
import { guide } from "./guide.ts";
import { periodical } from "./periodical.ts";
import { topic } from "./topic.ts";
import { page } from "./page.ts";
import { report } from "./report.ts";
import { letter } from "./letter.ts";
import { consultation } from "./consultation.ts";
import { interview } from "./interview.ts";
import { organ } from "./organ.ts";

export const DEFAULT_TYPES = [
  news,
  policy,
  video,
  guide,
  periodical,
  topic,
  page,
  report,
  letter,
  consultation,
  interview,
  organ,
] as const;

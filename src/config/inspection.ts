/**
 * `npm run inspect` settings (site.config.ts `inspection`): how far ahead a veto risk fails the
 * run, and how the external links are fetched. Every value has a default; the command line
 * overrides the horizon (--horizon) and can skip the links (--no-links).
 */
import { z } from "zod";

export const inspectionSchema = z
  .strictObject({
    /** A veto predicted within this many days makes `npm run inspect` exit 1. */
    horizonDays: z.number().int().min(0).default(7),
    links: z
      .strictObject({
        /** Time limit for one link, redirects included. */
        timeoutSeconds: z.number().positive().default(15),
        /** An answer after this many seconds is reported slow (inspectors open pages within 15 s). */
        slowSeconds: z.number().positive().default(5),
        /** Seconds between two requests to one host (be polite to small government servers). */
        perHostIntervalSeconds: z.number().min(0).default(1),
        concurrency: z.number().int().min(1).max(16).default(4),
        maxRedirects: z.number().int().min(0).max(20).default(5),
        /** Results younger than this are reused (broken links are always fetched again). */
        cacheHours: z.number().min(0).default(20),
        /** Hosts not fetched (an intranet system the runner cannot reach), e.g. ["oa.example.gov.cn"]. */
        skipHosts: z.array(z.string().trim().min(1)).default([]),
      })
      // Parsed as an empty object: every field takes its own default above.
      .prefault({}),
  })
  .prefault({});

export type InspectionConfig = z.output<typeof inspectionSchema>;

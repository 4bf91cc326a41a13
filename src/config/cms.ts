/**
 * The web editor (docs/cms.md): which Git host the editors' browser commits to, whether changes go
 * through the editorial workflow (草稿 → 待审 → 待发布, one branch and one pull request per item),
 * and whether the public build ships the editor page. Without `backend`, only `npm run cms` (the
 * local working copy) is configured.
 */
import { z } from "zod";

export const cmsSchema = z
  .strictObject({
    backend: z
      .strictObject({
        /** github, gitlab, gitea (no editorial workflow in Decap) or forgejo (Gitea's fork; workflow since Decap 3.15). */
        name: z.enum(["github", "gitlab", "gitea", "forgejo"]),
        /** owner/name on the host. */
        repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, { error: "应为 所有者/仓库名，例如 gov/portal" }),
        branch: z.string().min(1).default("main"),
        /** The OAuth server's origin (an intranet Gitea: https://git.example.gov.cn). */
        baseUrl: z.url().optional(),
        /** The host's API (https://git.example.gov.cn/api/v1 for Gitea/Forgejo, …/api/v4 for GitLab). */
        apiRoot: z.url().optional(),
        authEndpoint: z.string().optional(),
        /** OAuth application id (GitLab PKCE, Gitea/Forgejo). */
        appId: z.string().optional(),
        authType: z.enum(["pkce", "implicit"]).optional(),
      })
      .optional(),
    /** Changes as pull requests through 草稿 → 待审 → 待发布 (on by default whenever a backend is set). */
    editorialWorkflow: z.boolean().default(true),
    /** Ship admin/ (the editor page, its config and bundle) with the public build. */
    publishAdmin: z.boolean().default(false),
  })
  .default(() => ({ editorialWorkflow: true, publishAdmin: false }));

export type CmsSettings = z.output<typeof cmsSchema>;

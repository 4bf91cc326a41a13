/**
 * Fetches external addresses the way an inspector's robot does, but politely: a HEAD request (a
 * GET when the server refuses HEAD), redirects followed by hand so each hop is recorded, a time
 * limit for the whole chain, at most `concurrency` requests at a time and one request per host
 * every `intervalMs`. Results are classified:
 *   broken      no answer, a time-out, an HTTP error (4xx/5xx), a redirect loop or too many hops;
 *   redirected  answered after one or more redirects (the page should link the final address);
 *   slow        answered, but after more than `slowMs` (the inspection opens pages within 15 s);
 *   good        answered directly, in time.
 * Node's own fetch (undici) does the requests: no dependency is needed for this.
 */

export type LinkStatus = "good" | "broken" | "slow" | "redirected";

export interface LinkResult {
  url: string;
  status: LinkStatus;
  /** HTTP status of the last answer, when there was one. */
  httpStatus?: number;
  /** Why a link is broken, in Chinese. */
  error?: string;
  /** The addresses redirected to, in order; the last is where the link ends. */
  redirects: string[];
  /** Milliseconds from the first request to the last answer. */
  ms: number;
  /** When it was fetched (epoch ms); a result from the cache keeps its time. */
  checkedAt: number;
  /** True when the result came from the cache. */
  cached?: boolean;
}

export interface LinkCheckOptions {
  /** Time limit for one link, redirects included. */
  timeoutMs: number;
  /** An answer slower than this is `slow`. */
  slowMs: number;
  /** Milliseconds between two requests to one host. */
  intervalMs: number;
  concurrency: number;
  maxRedirects: number;
  userAgent: string;
  /** Earlier results (src/inspect/link-cache.ts). */
  cache?: { get(url: string, now: number): LinkResult | undefined; set(result: LinkResult): void };
  /** Clock for the cache and the results (tests pass the build clock's equivalent). */
  clock?: () => number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One request slot per host every `intervalMs`, reserved in the order asked. */
export class HostPacer {
  private readonly next = new Map<string, number>();
  constructor(private readonly intervalMs: number) {}
  async turn(url: URL): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.next.get(url.host) ?? 0);
    this.next.set(url.host, slot + this.intervalMs);
    if (slot > now) await sleep(slot - now);
  }
}

async function request(url: URL, method: "HEAD" | "GET", o: LinkCheckOptions, signal: AbortSignal) {
  const response = await fetch(url, {
    method,
    redirect: "manual",
    signal,
    headers: { "user-agent": o.userAgent, accept: "*/*" },
  });
  // Only the status matters: do not download an attachment to learn that it exists.
  await response.body?.cancel().catch(() => undefined);
  return response;
}

function describe(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (e.name === "TimeoutError" || e.name === "AbortError") return `超时（${timeoutMs / 1000} 秒内没有响应）`;
  const code = e.cause?.code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "域名无法解析";
  if (code === "ECONNREFUSED") return "连接被拒绝";
  if (code === "ECONNRESET") return "连接被重置";
  if (code?.startsWith("CERT_") || code?.includes("TLS") || code?.includes("SSL"))
    return `证书或加密连接错误（${code}）`;
  return `无法连接（${code ?? e.cause?.message ?? e.message ?? String(err)}）`;
}

/**
 * Fetches one address, following redirects; never throws. The time limit and the slowness count
 * only the requests themselves, not the waits for the host's turn (many links on one host would
 * otherwise time out in the queue).
 */
export async function checkLink(url: string, o: LinkCheckOptions, pacer: HostPacer): Promise<LinkResult> {
  const clock = o.clock ?? Date.now;
  const checkedAt = clock();
  const redirects: string[] = [];
  let spent = 0;
  const done = (status: LinkStatus, extra: Partial<LinkResult>): LinkResult => ({
    url,
    status,
    redirects,
    ms: Math.round(spent),
    checkedAt,
    ...extra,
  });
  const timed = async (target: URL, method: "HEAD" | "GET") => {
    await pacer.turn(target);
    const left = o.timeoutMs - spent;
    if (left <= 0) throw Object.assign(new Error("timeout"), { name: "TimeoutError" });
    const started = performance.now();
    try {
      return await request(target, method, o, AbortSignal.timeout(Math.ceil(left)));
    } finally {
      spent += performance.now() - started;
    }
  };
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return done("broken", { error: "不是有效的网址" });
  }
  try {
    for (;;) {
      if (current.protocol !== "http:" && current.protocol !== "https:")
        return done("broken", { error: `跳转到了非网页地址 ${current.href}` });
      let response = await timed(current, "HEAD");
      // Many servers answer HEAD with 403, 404, 405 or 501 while GET works: ask again before judging.
      if (response.status >= 400) response = await timed(current, "GET");
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        const target = new URL(location, current);
        if (target.href === current.href || target.href === url || redirects.includes(target.href))
          return done("broken", { httpStatus: response.status, error: "循环跳转" });
        redirects.push(target.href);
        if (redirects.length > o.maxRedirects)
          return done("broken", { httpStatus: response.status, error: `跳转超过 ${o.maxRedirects} 次` });
        current = target;
        continue;
      }
      if (response.status >= 400)
        return done("broken", { httpStatus: response.status, error: `HTTP ${response.status}` });
      if (redirects.length) return done("redirected", { httpStatus: response.status });
      return done(spent > o.slowMs ? "slow" : "good", { httpStatus: response.status });
    }
  } catch (err) {
    return done("broken", { error: describe(err, o.timeoutMs) });
  }
}

/**
 * Every address once, results in the order given. Addresses are interleaved by host so that the
 * workers do not all wait for one slow host's turn.
 */
export async function checkLinks(urls: readonly string[], o: LinkCheckOptions): Promise<LinkResult[]> {
  const clock = o.clock ?? Date.now;
  const pacer = new HostPacer(o.intervalMs);
  const results = new Map<string, LinkResult>();
  const todo: string[] = [];
  for (const url of urls) {
    const cached = o.cache?.get(url, clock());
    if (cached) results.set(url, { ...cached, cached: true });
    else todo.push(url);
  }
  const byHost = new Map<string, string[]>();
  for (const url of todo) {
    let host = "";
    try {
      host = new URL(url).host;
    } catch {
      // Checked (and reported broken) like any other.
    }
    byHost.set(host, [...(byHost.get(host) ?? []), url]);
  }
  const queue: string[] = [];
  for (let round = 0; queue.length < todo.length; round++)
    for (const list of byHost.values()) if (round < list.length) queue.push(list[round]);
  let head = 0;
  const worker = async () => {
    while (head < queue.length) {
      const url = queue[head++];
      const result = await checkLink(url, o, pacer);
      results.set(url, result);
      o.cache?.set(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.concurrency) }, worker));
  return urls.map((url) => results.get(url)!);
}

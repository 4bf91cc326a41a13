/**
 * A served site as over a network: every response starts `latencyMs` after its request came in (a
 * round trip's wait, which loopback does not have), then is passed on from the static server. For
 * `side-by-side.ts --latency`: a change that removes a dependent request shows as about one latency
 * per request removed, beside the machine's noise.
 */
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import type { StaticServer } from "../../test/helpers/serve.ts";

export async function withLatency(target: StaticServer, latencyMs: number): Promise<StaticServer> {
  const origin = new URL(target.url);
  const server = createServer((req, res) => {
    setTimeout(() => {
      const upstream = request(
        { host: origin.hostname, port: origin.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => res.destroy());
      req.pipe(upstream);
    }, latencyMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${origin.pathname}`,
    server,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await target.close();
    },
  };
}

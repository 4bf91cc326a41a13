/**
 * The link server of the self-inspection tests (127.0.0.1 only): a good page, a PDF whose server
 * refuses HEAD, a 404, a slow answer, a redirect, a redirect loop and a request that never ends.
 * It records every request (`hits`) and closes when the test file ends.
 */
import { after } from "node:test";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export async function startLinkServer(): Promise<{
  hits: { method: string; url: string; at: number }[];
  base: string;
}> {
  const hits: { method: string; url: string; at: number }[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    hits.push({ method: req.method ?? "", url: req.url ?? "", at: Date.now() });
    const send = (status: number, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "text/html; charset=utf-8", ...headers });
      res.end(req.method === "HEAD" ? undefined : "<p>ok</p>");
    };
    switch (req.url) {
      case "/ok":
        return send(200);
      case "/ok?paced=1":
      case "/ok?paced=2":
      case "/ok?paced=3":
      case "/ok?paced=4":
      case "/ok?paced=5":
      case "/ok?paced=6":
        return send(200);
      case "/files/report.pdf":
        return req.method === "HEAD" ? send(405) : send(200, { "content-type": "application/pdf" });
      case "/missing":
        return send(404);
      case "/slow":
        return void setTimeout(() => send(200), 5000);
      case "/moved":
        return send(301, { location: "/ok" });
      case "/loop":
        return send(302, { location: "/loop" });
      case "/hang":
        hanging.push(res);
        return;
      default:
        return send(404);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  after(() => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    server.close();
  });
  return { hits, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for a webhook service on 127.0.0.1 (Slack, Teams, Discord,
 * Mattermost, or our JSON receiver): records each POST with its raw body and
 * headers, and answers from a script: a status code, or 'hang' (never
 * answers, so the sender's timeout fires). Once the script runs out it
 * answers what the real service answers to a good request: Slack and
 * Mattermost 200 "ok", Discord 204, a Teams workflow 202.
 */
export interface ReceivedPost {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Answer = number | 'hang';

export async function startWebhookReceiver(okStatus = 200) {
  const posts: ReceivedPost[] = [];
  const script: Answer[] = [];
  const hung: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      posts.push({ path: req.url ?? '', headers: req.headers, body });
      const answer = script.shift() ?? okStatus;
      if (answer === 'hang') {
        hung.push(() => res.destroy());
        return;
      }
      res.writeHead(answer, { 'content-type': 'text/plain' });
      res.end(answer === 204 ? undefined : answer < 300 ? 'ok' : 'server_error');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    posts,
    /** Answers for the next posts, in order. */
    answer: (...answers: Answer[]) => script.push(...answers),
    bodies: (path: string) => posts.filter((p) => p.path === path).map((p) => JSON.parse(p.body) as Record<string, unknown>),
    close: () =>
      new Promise<void>((ok) => {
        for (const end of hung) end();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

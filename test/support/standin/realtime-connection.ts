import { WebSocket, type RawData } from 'ws';
import { decodeMessage, encodeMessage, reply, type PhoenixMessage, type Vsn } from './realtime-protocol.ts';
import { Channel } from './realtime-channel.ts';
import type { RealtimeServer } from './realtime.ts';

/** One websocket: its channels by topic. */
export class Connection {
  private readonly channels = new Map<string, Channel>();
  private readonly ws: WebSocket;
  readonly vsn: Vsn;
  /** The apikey's JWT: a channel's token when its join carries none (realtime_channel.ex `assign_access_token`). */
  readonly tenantToken: string;
  readonly server: RealtimeServer;

  constructor(ws: WebSocket, vsn: Vsn, tenantToken: string, server: RealtimeServer) {
    this.ws = ws;
    this.vsn = vsn;
    this.tenantToken = tenantToken;
    this.server = server;
    ws.on('message', (data: RawData, isBinary: boolean) => {
      // Binary frames are user broadcasts (vsn 2.0.0), which the stand-in does not serve.
      if (isBinary) return;
      const message = decodeMessage(vsn, rawText(data));
      if (message) void this.receive(message);
    });
  }

  push(message: PhoenixMessage): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(encodeMessage(this.vsn, message));
  }

  close(): void {
    for (const channel of this.channels.values()) channel.dispose();
    this.channels.clear();
  }

  /** Phoenix.Socket: heartbeats, joins, then everything else routed to the joined topic. */
  private async receive(message: PhoenixMessage): Promise<void> {
    const { topic, event, ref } = message;
    if (topic === 'phoenix' && event === 'heartbeat') {
      this.push(reply(null, ref, 'phoenix', 'ok', {}));
      return;
    }
    if (event === 'phx_join') {
      // A second join of a joined topic replaces the first (Phoenix shuts the old channel down).
      const previous = this.channels.get(topic);
      if (previous) this.closeChannel(previous);
      if (!topic.startsWith('realtime:')) {
        this.push(reply(message.joinRef, ref, topic, 'error', { reason: 'unmatched topic' }));
        return;
      }
      const channel = new Channel(this, topic, message.joinRef ?? ref);
      this.channels.set(topic, channel);
      const joined = await channel.join(message.payload, ref);
      if (!joined) this.channels.delete(topic);
      return;
    }
    const channel = this.channels.get(topic);
    if (!channel || (message.joinRef !== null && message.joinRef !== channel.joinRef)) {
      this.push(reply(message.joinRef, ref, topic, 'error', { reason: 'unmatched topic' }));
      return;
    }
    if (event === 'phx_leave') {
      // Phoenix.Channel.Server: reply ok, stop with {:shutdown, :left}, then phx_close.
      this.push(reply(channel.joinRef, ref, topic, 'ok', {}));
      this.closeChannel(channel);
      return;
    }
    if (event === 'access_token') await channel.updateToken(message.payload);
    // Anything else (broadcast, presence, unknown) is ignored here, as Realtime logs and drops it.
  }

  /** The channel stops: `phx_close` with its join_ref as both refs (Phoenix.Socket `encode_close`). */
  closeChannel(channel: Channel): void {
    channel.dispose();
    if (this.channels.get(channel.topic) === channel) this.channels.delete(channel.topic);
    this.push({ joinRef: channel.joinRef, ref: channel.joinRef, topic: channel.topic, event: 'phx_close', payload: {} });
  }
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

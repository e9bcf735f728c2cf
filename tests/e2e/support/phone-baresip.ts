import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import { sipCredentials } from '../../../server/sip/ephemeral-credentials';
import type { Kamailio } from '../../fixtures/kamailio';
import { freePort } from '../../fixtures/ports';
import { tempDir } from '../../fixtures/processes';
import { writeToneWav } from './phone-tones';

/**
 * A customer on an ordinary SIP phone (baresip, no WebRTC), as if arriving from a phone-network
 * gateway: plain SIP over UDP, plain RTP with G.711, its media bridged to the browsers by
 * rtpengine. It plays a tone as its microphone, records what it receives to WAV (sndfile), and is
 * driven over baresip's TCP control socket (netstring JSON). Auto-answers incoming calls.
 */
export interface BaresipOptions {
  kamailio: Kamailio;
  /** The SIP user, e.g. a customer's E.164 number "+639171234567". */
  user: string;
  /** The tone it plays into the call, in Hz. */
  tone: number;
}

/** One event from ctrl_tcp; baresip sends more fields than the tests read. */
const BaresipEvent = z.looseObject({
  event: z.literal(true),
  type: z.string(),
  class: z.string().optional(),
  peeruri: z.string().optional(),
  param: z.string().optional(),
});
type BaresipEvent = z.infer<typeof BaresipEvent>;

const BaresipResponse = z.looseObject({
  response: z.literal(true),
  ok: z.boolean(),
  data: z.string().optional(),
  token: z.string().optional(),
});

const BARESIP = process.env.KALMA_BARESIP ?? 'baresip';
const MODULE_PATH = '/usr/lib/baresip/modules';
const SETPRIV = '/usr/bin/setpriv';

export class Baresip {
  readonly events: BaresipEvent[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly pending = new Map<string, (ok: boolean, data: string) => void>();
  private nextToken = 1;
  private buffer = Buffer.alloc(0);

  private constructor(
    readonly user: string,
    readonly uri: string,
    private readonly dir: { path: string; remove(): void },
    private readonly child: ChildProcess,
    private readonly output: string[],
    private socket: Socket | null,
  ) {}

  /**
   * Starts a registered phone. Its ports are picked free just before (tests/fixtures/ports.ts), but
   * baresip also binds a TLS port next to the SIP one, which another process may hold, or take
   * first: a start refused with "Address already in use" is tried again on other ports.
   */
  static async start(options: BaresipOptions): Promise<Baresip> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await Baresip.startOnce(options);
      } catch (error) {
        if (attempt >= 3 || !/Address already in use/.test((error as Error).message)) throw error;
      }
    }
  }

  private static async startOnce({ kamailio, user, tone }: BaresipOptions): Promise<Baresip> {
    const dir = tempDir('baresip');
    const controlPort = await freePort();
    const sipPort = await freePort({ udp: true });
    // A minute of tone: aufile plays its file once, and no test call lasts that long.
    const toneFile = writeToneWav(dir.path, tone, 60);
    const credentials = sipCredentials({ secret: kamailio.secret, user, ttlSeconds: 3600 });
    const uri = `sip:${user}@${kamailio.domain}`;
    const recordings = join(dir.path, 'received');
    mkdirSync(recordings);
    writeFileSync(join(dir.path, 'config'), baresipConfig({ toneFile, controlPort, sipPort, recordings }));
    // Kamailio is reached on its UDP listener (same port as the WebSocket); answermode=auto makes
    // baresip pick up at once, like an IVR or a customer who answers straight away.
    writeFileSync(
      join(dir.path, 'accounts'),
      `<${uri};transport=udp>;auth_user=${credentials.authorizationUser};auth_pass=${credentials.password};` +
        `outbound="sip:127.0.0.1:${kamailio.port};transport=udp";regint=300;answermode=auto;audio_codecs=PCMU,PCMA\n`,
    );

    // -4: IPv4 only (rtpengine's trust-address fixes up whatever address baresip advertises).
    const args = ['-4', '-f', dir.path];
    const [command, commandArgs] = existsSync(SETPRIV) ? [SETPRIV, ['--pdeathsig', 'TERM', '--', BARESIP, ...args]] : [BARESIP, args];
    const child = spawn(command, commandArgs, { cwd: dir.path, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const keep = (chunk: Buffer) => output.push(chunk.toString('utf8'));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const phone = new Baresip(user, uri, dir, child, output, null);
    try {
      phone.socket = await connectControl(controlPort, child, 10_000);
      phone.socket.on('data', (chunk) => phone.receive(chunk));
      await phone.waitForOutput(/200 OK.*binding|REGISTER_OK/i, 15_000, 'baresip registered');
    } catch (error) {
      await phone.stop();
      throw new Error(`${(error as Error).message}\n--- baresip output ---\n${output.join('').slice(-3000)}`, { cause: error });
    }
    return phone;
  }

  /** Calls a SIP URI (an agent: sip:<username>@<domain>). */
  async dial(target: string): Promise<void> {
    await this.command('dial', target);
  }

  /** Hangs up the current call. */
  async hangUp(): Promise<void> {
    await this.command('hangup', '');
  }

  /** Waits for a ctrl_tcp event of this type (CALL_ESTABLISHED, CALL_CLOSED, …) after `since`. */
  async waitForEvent(type: string, { timeout = 15_000, since = 0 }: { timeout?: number; since?: number } = {}): Promise<BaresipEvent> {
    const found = () => this.events.slice(since).find((event) => event.type === type);
    await this.waitUntil(() => found() !== undefined, timeout, `baresip event ${type}`);
    return found()!;
  }

  /** Event count so far: pass as `since` to wait only for what happens next. */
  mark(): number {
    return this.events.length;
  }

  /** The keys received as telephone events (RFC 4733) in the audio, in order. */
  receivedDtmf(): string {
    return this.events
      .filter((event) => event.type === 'CALL_DTMF_START')
      .map((event) => event.param ?? '?')
      .join('');
  }

  /**
   * The loudest level (dBFS) of each frequency over any half second of what baresip received on
   * its last call (the decoded-audio WAV that sndfile wrote). A received tone measures about
   * -10 dBFS; an absent one far below -50.
   */
  receivedLevels(frequencies: readonly number[]): Record<number, number> {
    const recordings = join(this.dir.path, 'received');
    const decoded = readdirSync(recordings)
      .filter((name) => name.endsWith('-dec.wav'))
      .sort();
    const last = decoded.at(-1);
    if (last === undefined) throw new Error(`baresip recorded nothing in ${recordings}: ${readdirSync(recordings).join(', ')}`);
    return toneLevels(readWavMono(join(recordings, last)), frequencies, 0.5);
  }

  log(): string {
    return this.output.join('');
  }

  async stop(): Promise<void> {
    this.socket?.destroy();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((done) => this.child.once('exit', () => done()));
      if (this.child.pid !== undefined) process.kill(this.child.pid, 'SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (process.env.KALMA_KEEP_BARESIP === '1') console.log(`baresip files kept: ${this.dir.path}`);
    else this.dir.remove();
  }

  private async command(command: string, params: string): Promise<string> {
    const token = String(this.nextToken++);
    const json = Buffer.from(JSON.stringify({ command, params, token }), 'utf8');
    const reply = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`baresip did not answer "${command}"`)), 10_000);
      this.pending.set(token, (ok, data) => {
        clearTimeout(timer);
        if (ok) resolve(data);
        else reject(new Error(`baresip refused "${command} ${params}": ${data}`));
      });
    });
    this.socket?.write(Buffer.concat([Buffer.from(`${json.length}:`), json, Buffer.from(',')]));
    return reply;
  }

  /** Netstrings: "<length>:<json>,". */
  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number.parseInt(this.buffer.subarray(0, colon).toString('ascii'), 10);
      if (!Number.isInteger(length) || this.buffer.length < colon + 1 + length + 1) return;
      const text = this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8');
      this.buffer = this.buffer.subarray(colon + 1 + length + 1);
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        continue;
      }
      const event = BaresipEvent.safeParse(message);
      if (event.success) {
        this.events.push(event.data);
        for (const wake of this.waiters) wake();
        continue;
      }
      const response = BaresipResponse.safeParse(message);
      if (response.success && response.data.token !== undefined) {
        this.pending.get(response.data.token)?.(response.data.ok, response.data.data ?? '');
        this.pending.delete(response.data.token);
      }
    }
  }

  private waitForOutput(pattern: RegExp, timeout: number, what: string): Promise<void> {
    return this.waitUntil(() => pattern.test(this.log()) || this.events.some((event) => pattern.test(event.type)), timeout, what);
  }

  private async waitUntil(condition: () => boolean, timeout: number, what: string): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!condition()) {
      if (this.child.exitCode !== null) throw new Error(`baresip exited (code ${this.child.exitCode}) while waiting for ${what}`);
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}\n--- baresip ---\n${this.log().slice(-2000)}`);
      await new Promise<void>((next) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          next();
        };
        const timer = setTimeout(wake, 100);
        this.waiters.add(wake);
      });
    }
  }
}

function baresipConfig({ toneFile, controlPort, sipPort, recordings }: { toneFile: string; controlPort: number; sipPort: number; recordings: string }): string {
  return [
    'poll_method epoll',
    `sip_listen 127.0.0.1:${sipPort}`,
    // No sound card: the tone file is the microphone, received audio goes nowhere but sndfile's WAV.
    `audio_source aufile,${toneFile}`,
    'audio_player aubridge,nil',
    'audio_alert aubridge,nil',
    'ausrc_srate 48000',
    'ausrc_channels 1',
    'audio_level no',
    'rtp_stats no',
    `snd_path ${recordings}`,
    `ctrl_tcp_listen 127.0.0.1:${controlPort}`,
    `module_path ${MODULE_PATH}`,
    'module g711.so',
    'module aufile.so',
    'module aubridge.so',
    'module sndfile.so',
    'module_tmp uuid.so',
    'module_tmp account.so',
    'module_app menu.so',
    'module_app ctrl_tcp.so',
    '',
  ].join('\n');
}

async function connectControl(port: number, child: ChildProcess, timeoutMs: number): Promise<Socket> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`baresip exited (code ${child.exitCode}) before its control socket opened`);
    const socket = await new Promise<Socket | null>((resolve) => {
      const attempt = connect({ host: '127.0.0.1', port });
      attempt.once('connect', () => resolve(attempt));
      attempt.once('error', () => resolve(null));
    });
    if (socket) return socket;
    if (Date.now() > deadline) throw new Error(`baresip's control socket 127.0.0.1:${port} did not open within ${timeoutMs} ms`);
    await new Promise((next) => setTimeout(next, 100));
  }
}

/** 16-bit PCM WAV → first channel as floats, and its sample rate. Tolerates an unfinished header. */
export function readWavMono(path: string): { samples: Float32Array; sampleRate: number } {
  const file = readFileSync(path);
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') throw new Error(`${path} is not a WAV file`);
  let offset = 12;
  let sampleRate = 0;
  let channels = 1;
  let bits = 16;
  while (offset + 8 <= file.length) {
    const id = file.toString('ascii', offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      channels = file.readUInt16LE(body + 2);
      sampleRate = file.readUInt32LE(body + 4);
      bits = file.readUInt16LE(body + 14);
    } else if (id === 'data') {
      if (bits !== 16) throw new Error(`${path}: ${bits}-bit samples, expected 16`);
      // A file still being written has a zero or short size in its header: read what is there.
      const end = size > 0 && body + size <= file.length ? body + size : file.length;
      const frames = Math.floor((end - body) / (2 * channels));
      const samples = new Float32Array(frames);
      for (let i = 0; i < frames; i += 1) samples[i] = file.readInt16LE(body + i * 2 * channels) / 32768;
      return { samples, sampleRate };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${path} has no data chunk`);
}

/**
 * Goertzel per frequency over consecutive windows; the loudest window wins. Level in dBFS of a
 * sine's amplitude (a full-scale sine is 0 dBFS).
 */
export function toneLevels(
  { samples, sampleRate }: { samples: Float32Array; sampleRate: number },
  frequencies: readonly number[],
  windowSeconds: number,
): Record<number, number> {
  const window = Math.max(1, Math.round(sampleRate * windowSeconds));
  const result: Record<number, number> = Object.fromEntries(frequencies.map((f) => [f, -200]));
  for (let start = 0; start + window <= samples.length; start += window) {
    for (const frequency of frequencies) {
      const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / sampleRate);
      let previous = 0;
      let beforePrevious = 0;
      for (let i = start; i < start + window; i += 1) {
        const current = samples[i]! + coefficient * previous - beforePrevious;
        beforePrevious = previous;
        previous = current;
      }
      const power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
      const amplitude = (2 * Math.sqrt(Math.max(power, 0))) / window;
      const db = 20 * Math.log10(Math.max(amplitude, 1e-10));
      if (db > result[frequency]!) result[frequency] = db;
    }
  }
  return result;
}

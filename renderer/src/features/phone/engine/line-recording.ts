import { CallRecorder } from './call-recorder';
import { NotNow, type Line } from './line';

/**
 * A line's recording of its call (a role-play session): started and stopped by the console, and
 * stopped by the call ending, which still delivers the audio as a `recording` event.
 */
export class LineRecording {
  private current: { recorder: CallRecorder; callId: string } | null = null;

  constructor(private readonly line: Line) {}

  /** Records both sides from now on; only an answered call can be recorded. */
  start(): void {
    const { line } = this;
    const audio = line.audio;
    if (this.current || !line.call?.answeredAt || (line.state.name !== 'active' && line.state.name !== 'held') || !audio) {
      throw new NotNow('startRecording');
    }
    const recorder = new CallRecorder(audio.recordingTap());
    recorder.hearAgent(this.agentHeard());
    // The call the recording was asked for, even if a transfer later moves the line to another session.
    this.current = { recorder, callId: line.call.id };
    line.recording = true;
    line.ctx.changed(line);
  }

  stop(): void {
    if (!this.current) throw new NotNow('stopRecording');
    this.end();
    this.line.ctx.changed(this.line);
  }

  /** Mute and hold silence the agent's side of the recording, as they do for the other side. */
  mix(): void {
    this.current?.recorder.hearAgent(this.agentHeard());
  }

  /** Stops the recorder (if any) and sends its audio as a `recording` event once it is encoded. */
  end(): void {
    const current = this.current;
    if (!current) return;
    this.current = null;
    this.line.recording = false;
    const id = this.line.id;
    current.recorder.stop().then(
      (audio) => this.line.ctx.emit({ type: 'recording', line: id, callId: current.callId, ...audio }),
      (error: unknown) => console.error(`line ${id}: the recording could not be finished`, error),
    );
  }

  private agentHeard(): boolean {
    return !this.line.muted && this.line.state.name !== 'held';
  }
}

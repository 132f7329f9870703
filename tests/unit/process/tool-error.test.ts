import { describe, expect, it } from 'vitest';
import { ToolError, type ToolFailure } from '../../../src-main/core/process/index.js';

const quiet = { stdout: '', stderr: '', stderrTail: [] };

describe('the error of a failed tool', () => {
  it.each<[ToolFailure, string]>([
    [{ kind: 'exit', code: 1 }, 'ffprobe exited with code 1'],
    [{ kind: 'signal', signal: 'SIGSEGV' }, 'ffprobe was killed by SIGSEGV'],
    [{ kind: 'timeout', afterMs: 60000 }, 'ffprobe timed out after 60000 ms'],
    [{ kind: 'abort' }, 'ffprobe was aborted'],
    [{ kind: 'start', cause: 'spawn ffprobe ENOENT' }, 'ffprobe could not start: spawn ffprobe ENOENT'],
    [{ kind: 'stdout-limit', maxBytes: 1024 }, 'ffprobe printed more than 1024 bytes on stdout'],
  ])('names the tool and the reason (%o)', (failure, reason) => {
    const error = new ToolError('ffprobe', failure, quiet);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ToolError');
    expect(error.message).toBe(reason);
    expect(error.reason).toBe(reason);
  });

  it('ends its message with the tail of stderr and keeps what the tool printed', () => {
    const error = new ToolError('ffmpeg', { kind: 'exit', code: 183 }, {
      stdout: 'partial',
      stderr: 'banner\nmoov atom not found\nInvalid data\n',
      stderrTail: ['moov atom not found', 'Invalid data'],
    });
    expect(error.message).toBe('ffmpeg exited with code 183: moov atom not found / Invalid data');
    expect(error).toMatchObject({ tool: 'ffmpeg', code: 183, timedOut: false, aborted: false, stdout: 'partial' });
    expect(error.stderrTail).toEqual(['moov atom not found', 'Invalid data']);
  });

  it('has no exit code when the tool was stopped, and says whether by timeout or abort', () => {
    expect(new ToolError('lsblk', { kind: 'timeout', afterMs: 3000 }, quiet)).toMatchObject({ code: null, timedOut: true, aborted: false });
    expect(new ToolError('lsblk', { kind: 'abort' }, quiet)).toMatchObject({ code: null, timedOut: false, aborted: true });
  });
});

/** Runs one agent command in-process, as `vtc-agent <args>` would, with captured output and exit status. */
import { runCli } from '../../../electron/cli/index';
import { captureIo, type CapturedIo } from '../../support/cli-io';

export async function runAgent(args: string[]): Promise<CapturedIo & { code: number }> {
  const captured = captureIo();
  const code = await runCli(args, captured.io);
  return { ...captured, code };
}

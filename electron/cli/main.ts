/**
 * Process entry of the agent: runs one command with the real stdio and signals, then exits with its status.
 * It exits only once stdout and stderr have taken everything written: on a pipe Node writes asynchronously,
 * and process.exit() right after a large write would cut a --json document at the pipe's buffer size.
 */
import { runCli } from './index';
import { flushStdio, processIo } from './io';

const io = processIo();
const exitAfterFlush = (code: number): void => {
  void flushStdio().then(() => process.exit(code));
};
runCli(process.argv.slice(2), io).then(exitAfterFlush, (error: unknown) => {
  io.err(`vtc-agent: ${String(error)}`);
  exitAfterFlush(1);
});

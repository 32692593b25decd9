/** Process entry of the agent: runs one command with the real stdio and signals, then exits with its status. */
import { runCli } from './index';
import { processIo } from './io';

const io = processIo();
runCli(process.argv.slice(2), io).then(
  (code) => process.exit(code),
  (error: unknown) => {
    io.err(`vtc-agent: ${String(error)}`);
    process.exit(1);
  },
);

import { guardStdout } from './output.js';
import { runCli } from './program.js';

guardStdout();
process.exitCode = await runCli(process.argv);

import { main } from './main.ts';

/** The `capsule` command line. The only place that exits the process. */
const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * The Node flags of `npm start`, read from its script in package.json: the young generation's size
 * and no allocation-site pretenuring, see README "Memory".
 */
export const SERVER_NODE_FLAGS: string[] = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(' ')
  .filter((word) => word.startsWith('--') && word !== '--import');

/**
 * Runs `src/main.ts` as `npm start` does, in its own process (with Node's `nodeArgs` after its own;
 * under `wrapper`, a command that runs Node, such as valgrind; with the Node binary `node`, this
 * process's own unless given), and waits for its banner.
 */
export function runServerProcess(env: Record<string, string>, nodeArgs: string[] = [], wrapper: string[] = [], node = process.execPath): Promise<ServerProcess> & { exited: Promise<number | null>; output: () => string } {
  const command = [...wrapper, node, ...SERVER_NODE_FLAGS, ...nodeArgs, '--import', 'tsx', 'src/main.ts'];
  const child = spawn(command[0], command.slice(1), {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<ServerProcess>((resolve, reject) => {
    const check = () => {
      const match = /GraphQL API ready at (\S+)/.exec(output);
      if (match) resolve({ child, url: match[1], output: () => output, exited });
    };
    child.stdout!.on('data', check);
    exited.then((code) => reject(new Error(`server exited with ${code} before it was ready:\n${output}`)));
  });
  return Object.assign(ready, { exited, output: () => output });
}

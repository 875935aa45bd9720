// Preload for tests/perf/lazyCommands.test.ts: records every module URL the process loads, one per
// line, in the file named by OS2LEVEL_RECORD_IMPORTS (ESM through a resolve hook, CommonJS through require).
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import Module from 'node:module';

const file = process.env.OS2LEVEL_RECORD_IMPORTS;
if (file) {
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url) => appendFileSync(file, `${url}\n`));
  port1.unref();
  register(
    `data:text/javascript,${encodeURIComponent(`
      let port;
      export function initialize(data) { port = data.port; }
      export async function resolve(specifier, context, next) {
        const r = await next(specifier, context);
        port.postMessage(r.url);
        return r;
      }`)}`,
    { data: { port: port2 }, transferList: [port2] },
  );
  const load = Module._load;
  Module._load = function (request, ...rest) {
    appendFileSync(file, `cjs:${request}\n`);
    return load.call(this, request, ...rest);
  };
}

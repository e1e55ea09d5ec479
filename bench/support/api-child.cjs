/**
 * The API role of a benchmark, as operators run it: the compiled build in dist/ (npm run
 * build:api), not ts-node. Under ts-node the TypeScript compiler sits in the heap, and every major GC
 * marks it too.
 * Reports its port to the parent; profiles itself when asked (BENCH_PROFILE).
 */
require('reflect-metadata');
const { writeFileSync } = require('node:fs');
const { Session } = require('node:inspector');
const { NestFactory } = require('@nestjs/core');
const { loadConfig } = require('#config');
const { ApiModule } = require('../../dist/apps/api/src/api.module');
const { configureHttp } = require('../../dist/apps/api/src/http-setup');

let session;
const post = (method) => new Promise((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));

async function profile(message) {
  if (message.profile === 'start') {
    session = new Session();
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
    process.send({ profiling: true });
  } else if (message.profile === 'stop' && session) {
    const { profile: result } = await post('Profiler.stop');
    writeFileSync(message.file, JSON.stringify(result));
    session.disconnect();
    process.send({ profiled: message.file });
  }
}

async function main() {
  const config = loadConfig(process.env);
  const api = ApiModule.forRoot(config);
  // bench:api compares the message path with a bare INSERT endpoint in the same process.
  const root = process.env.BENCH_BARE_INSERT === '1' ? require('./bare-insert.cjs').withBareInsert(api) : api;
  const app = configureHttp(await NestFactory.create(root, { bufferLogs: true, logger: false }));
  await app.listen(0, '127.0.0.1');
  process.on('message', (message) => void profile(message));
  process.send({ port: app.getHttpServer().address().port });
  process.on('disconnect', () => void app.close().then(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

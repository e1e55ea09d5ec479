import 'reflect-metadata';
import { loadConfigOrExit } from '#config';
import { prepareDatabaseOrExit } from '#platform';
import { startApi } from '../../api/src/main';
import { startWorker } from '../../worker/src/main';

/** Single-machine install: the API and the worker in one process (`npm start`). Scale out with start:api / start:worker. */
async function startAll() {
  const config = loadConfigOrExit();
  await prepareDatabaseOrExit(config);
  await startWorker(config);
  await startApi(config);
}

void startAll();

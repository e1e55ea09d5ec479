import 'reflect-metadata';
import { startApi } from '../../api/src/main';
import { startWorker } from '../../worker/src/main';

/** Single-machine install: the API and the worker in one process (`npm start`). Scale out with start:api / start:worker. */
async function startAll() {
  await startWorker();
  await startApi();
}

void startAll();

/** The API role of a benchmark: started by startApiProcess in a process of its own. */
import 'reflect-metadata';
import { runApi } from './api-process';

runApi().catch((error) => {
  console.error(error);
  process.exit(1);
});

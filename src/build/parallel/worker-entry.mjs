// A build worker thread: the build's modules are TypeScript, run through tsx as in the main thread.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);

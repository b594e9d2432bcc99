// Test-only worker: the real bundled worker, except that chunks of runs with one of two magic
// seeds fail, by throwing (a kernel exception) or by exiting the worker thread (a crash).
// It lives in test/ and is never bundled, so production workers have no fault hooks.
import runChunk from '../../out/node/worker.js';

export default function faultyChunk(request) {
  if (request.task.seed === 13013) throw new Error('injected kernel fault');
  if (request.task.seed === 13014) process.exit(3);
  return runChunk(request);
}

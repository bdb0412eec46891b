import { workerData } from 'piscina';
import { runChunk, type ChunkSetup } from './mcChunk.js';

const setup = workerData as ChunkSetup;

/** Worker-thread entry (piscina): runs the block [start, end) of the Monte Carlo run set up in `workerData`. */
export default function mcWorker(block: { start: number; end: number }) {
  return runChunk({ ...setup, start: block.start, end: block.end });
}

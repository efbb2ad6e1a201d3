/** The site's own learning pages: the review queue and the progress board. */
export { default as ReviewQueue } from './ReviewQueue.astro';
export { default as ProgressBoard } from './ProgressBoard.astro';

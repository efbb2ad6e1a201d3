/**
 * The practice components authors embed in MDX:
 *
 *     import { Flashcards, Quiz, ExplainIt, Practice } from '~/components/practice';
 *     <Quiz id="aget/quiz" />
 */
export { default as Flashcards } from './Flashcards.astro';
export { default as Quiz } from './Quiz.astro';
export { default as ExplainIt } from './ExplainIt.astro';
export { default as Practice } from './Practice.astro';
/** For the site's own pages: the 10-question test and the progress overview. */
export { default as TestPattern } from './TestPattern.astro';
export { default as ProgressOverview } from './ProgressOverview.astro';

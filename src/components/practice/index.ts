/**
 * The practice components authors embed in MDX:
 *
 *     import { Flashcards, Quiz, ExplainIt, Practice } from '~/components/practice';
 *     <Quiz id="aget/quiz" />
 *
 * Each is typed here with the ids of its type's sets (generated, see `src/lib/practice/set-index.ts`), so an
 * editor completes and checks `id` in MDX too, where the `.astro` files' own `Props` may not be visible.
 */
import type { SetId, SetType } from '~/lib/practice/set-index.ts';
import FlashcardsComponent from './Flashcards.astro';
import QuizComponent from './Quiz.astro';
import ExplainItComponent from './ExplainIt.astro';
import PracticeComponent from './Practice.astro';

type PracticeSetComponent<T extends SetType> = (props: { id: SetId<T> }) => unknown;

export const Flashcards: PracticeSetComponent<'cards'> = FlashcardsComponent;
export const Quiz: PracticeSetComponent<'quiz'> = QuizComponent;
export const ExplainIt: PracticeSetComponent<'explain'> = ExplainItComponent;
export const Practice: PracticeSetComponent<'problems'> = PracticeComponent;
/** For the site's own pages: the 10-question test and the progress overview. */
export { default as TestPattern } from './TestPattern.astro';

/**
 * Every island of a lesson page, from one module, so a lesson page loads one chunk of our code (plus Preact)
 * instead of a dozen small ones: one gzip stream compresses far better, and it keeps the page inside the
 * 15 KB island budget. The test and progress islands import the shared pieces from here too; that puts all
 * of this in the same chunk as their own code's dependency, rather than splitting it per combination of
 * pages that use it.
 */
export { default as FlashcardsIsland } from './FlashcardsIsland.tsx';
export { default as QuizIsland } from './QuizIsland.tsx';
export { default as ExplainIsland } from './ExplainIsland.tsx';
export { default as PracticeIsland } from './PracticeIsland.tsx';
export { default as LessonStatusIsland } from './LessonStatusIsland.tsx';
export { ChoiceQuestion } from './ui/ChoiceQuestion.tsx';
export { useFocusRequest, useProgress } from './ui/use-progress.ts';
export { htmlByKey } from './ui/Html.tsx';

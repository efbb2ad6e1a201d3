/**
 * The two scales items are graded on. They live apart from the schemas in `fields.ts` because islands use them
 * too (the kind registry groups items by them), and importing `fields.ts` would bring Zod into the browser.
 */
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

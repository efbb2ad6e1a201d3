/**
 * The islands of a lesson page, from one module: a lesson page loads this chunk and the shared one (see
 * `shared.ts`) instead of one small chunk per component. Fewer, larger gzip streams compress better and keep a
 * lesson page inside its 15 KB island budget.
 */
export { default as LessonStatusIsland } from './LessonStatusIsland.tsx';
export { default as SetIsland } from './SetIsland.tsx';

/**
 * The Preact components that `.astro` files render on every lesson and practice page, tagged as Preact's so Astro
 * renders each once (see `src/lib/site/preact-renderer.ts`). Imported for its effect by those `.astro` files; the
 * islands' own modules stay as they are, so nothing here reaches the browser.
 */
import { tagPreactComponents } from '~/lib/site/preact-renderer.ts';
import { LessonStatusIsland, SetIsland } from './islands/lesson.ts';
import { SetView } from './widgets.tsx';

tagPreactComponents(SetIsland, LessonStatusIsland, SetView);

/** Whether this process is the astro CLI running `command` (`astro build`, `astro dev`). */
export function startedByAstroCli(command: string, argv: readonly string[] = process.argv): boolean {
	return /[\\/]astro(\.m?js)?$/.test(argv[1] ?? '') && argv[2] === command;
}

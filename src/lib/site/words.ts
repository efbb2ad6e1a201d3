/** Small numbers as words, the way the site's prose writes them ("Six short lessons"). */
const WORDS = [
	'zero',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten',
	'eleven',
	'twelve',
];

export function numberWord(count: number, { capital = false } = {}): string {
	const word = WORDS[count] ?? String(count);
	return capital ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

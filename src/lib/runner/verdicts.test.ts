import { describe, expect, it } from 'vitest';
import { decide, reasonCategory, sampleKey } from './verdicts.ts';

const same = { ok: true, got: 'printed Hello' };

describe('decide', () => {
	it('makes a sample runnable when both runtimes give the harness the same passing outcome', () => {
		expect(decide('print(1)', { harness: same, browser: same })).toEqual({ runnable: true });
	});

	it('keeps a sample out when the outcomes differ, even if both pass', () => {
		const verdict = decide('print(1)', { harness: same, browser: { ok: true, got: 'printed Hello ' } });
		expect(verdict.runnable).toBe(false);
	});

	it('says a sample needs real threads when it waits for another thread in Pyodide', () => {
		const browser = {
			ok: false,
			got: 'printed nothing; then raised RuntimeError: needs real threads: this call waits',
		};
		expect(decide('await x()', { harness: same, browser }).reason).toBe(
			'needs real threads: it waits for another thread',
		);
	});

	it('says a sample needs real threads when real Django raises about threads', () => {
		const harness = { ok: true, got: 'raised DatabaseError: … can only be used in that same thread.' };
		const verdict = decide('conn = connection', { harness, browser: { ok: false, got: 'ran without an exception' } });
		expect(verdict.reason).toBe('needs real threads: on a server this crosses threads');
	});

	it('says a sample needs real threads when it shows thread identities', () => {
		const verdict = decide('threading.current_thread()', { harness: same, browser: { ok: false, got: 'printed x' } });
		expect(verdict.reason).toMatch(/^needs real threads: it shows which thread/);
	});

	it('says timing differs for a sample that measures time', () => {
		const verdict = decide('t = time.perf_counter()', { harness: same, browser: { ok: false, got: 'printed 0' } });
		expect(verdict.reason).toBe('timing differs: it measures time');
	});

	it('recognises the same exception worded differently by Python 3.14', () => {
		const harness = { ok: true, got: "raised TypeError: object QuerySet can't be used in 'await' expression" };
		const browser = { ok: true, got: "raised TypeError: 'QuerySet' object can't be awaited" };
		expect(decide('await qs', { harness, browser }).reason).toBe('Python 3.14 words this error differently');
	});

	it('names what the browser raised when nothing more specific applies', () => {
		const browser = {
			ok: false,
			got: "printed nothing; then raised AttributeError: module 'hashlib' has no attribute",
		};
		expect(decide('x', { harness: same, browser }).reason).toBe('differs in the browser: it raises AttributeError');
	});
});

describe('sampleKey', () => {
	it('depends on the code and the run context, not on where the sample is', () => {
		expect(sampleKey('async', 'print(1)')).toBe(sampleKey('async', 'print(1)'));
		expect(sampleKey('async', 'print(1)')).not.toBe(sampleKey('sync', 'print(1)'));
		expect(sampleKey('async', 'print(1)')).not.toBe(sampleKey('async', 'print(2)'));
		expect(sampleKey('async', 'print(1)')).toMatch(/^[0-9a-f]{16}$/);
	});
});

describe('reasonCategory', () => {
	it('is the words before the first colon', () => {
		expect(reasonCategory('needs real threads: it waits for another thread')).toBe('needs real threads');
		expect(reasonCategory('Python 3.14 words this error differently')).toBe('Python 3.14 words this error differently');
	});
});

/**
 * Writes the end-to-end totals to `reports/e2e-summary.json`, so `.ci/run` can print one
 * "N passed, N failed" line for the whole test run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryReporter implements Reporter {
	private passed = 0;
	private failed = 0;
	private skipped = 0;

	onTestEnd(test: TestCase, result: TestResult): void {
		// Count a test once, by its final outcome (retries are off, but stay correct if enabled). An expected
		// failure (`test.fail()`, a known overrun) that fails as expected is a pass, as Playwright counts it.
		if (result.retry < test.retries && result.status !== 'passed') return;
		const outcome = test.outcome();
		if (outcome === 'skipped') this.skipped++;
		else if (outcome === 'expected' || outcome === 'flaky') this.passed++;
		else this.failed++;
	}

	onEnd(): void {
		mkdirSync('reports', { recursive: true });
		writeFileSync(
			'reports/e2e-summary.json',
			JSON.stringify({ passed: this.passed, failed: this.failed, skipped: this.skipped }),
		);
	}
}

import { expect, test } from './fixtures';
import { startSetUpDevice } from './support/device';

test('the server sends a strict Content-Security-Policy and the app runs under it', async ({
	page,
	request,
	problems
}) => {
	const response = await request.get('/notifications/new');
	const policy = response.headers()['content-security-policy'] ?? '';
	const scriptSrc = policy
		.split(';')
		.find((directive) => directive.trim().startsWith('script-src'));
	expect(scriptSrc).toMatch(/^\s*script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
	expect(policy).not.toContain('unsafe-eval');
	expect(policy).toContain("object-src 'none'");

	// Under that policy an injected inline script is refused, and the app (zod included, jitless,
	// so it never needs eval) still works.
	await startSetUpDevice(page);
	const injected = await page.evaluate(
		() =>
			new Promise<string>((resolve) => {
				document.addEventListener(
					'securitypolicyviolation',
					(event) => resolve(`refused by ${event.effectiveDirective}`),
					{ once: true }
				);
				const script = document.createElement('script');
				script.textContent = 'document.body.dataset.injected = "ran"';
				document.body.append(script);
				setTimeout(() => resolve(document.body.dataset.injected ?? 'nothing'), 2000);
			})
	);
	expect(injected).toBe('refused by script-src-elem');
	await page.goto('/settings');
	await page.locator('#user-name').fill('李娜');
	await page.locator('#user-code').fill('');
	await page.getByRole('button', { name: '切换用户' }).click();
	await expect(page.getByText('请填写“员工代码”。')).toBeVisible();
	// The one violation is the injected script above.
	problems.errors = problems.errors.filter(
		(error) => !/script-src-elem|inline script/i.test(error)
	);
	expect(problems.errors).toEqual([]);
});

import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** What a service form (家具服务单) gets typed on site; unset fields keep the form's defaults. */
export interface ServiceFormInput {
	visitDate?: string;
	staff?: string;
	workDone: string;
	partsUsed?: string;
	result?: string;
	surveyDone?: boolean;
	/** The customer's acceptance (SM09): the name typed and a signature drawn. */
	acceptance?: { customerName: string };
}

/** What a complaint form (客诉单) gets typed on site. */
export interface ComplaintInput {
	details: string;
	resolution?: '维修' | '换货' | '退货';
	/** Files chosen with "选择照片". */
	photos?: string[];
	/** A file "taken" with "拍照" (the camera input). */
	cameraPhoto?: string;
}

/** What draws a signature: a finger, a pen (stylus) or the mouse. */
export type Pointer = 'touch' | 'pen' | 'mouse';

/**
 * Draws a signature on a signature pad. `touch` sends touch events through CDP (the context needs
 * `hasTouch: true`; Chromium also delivers them as pointer events of type touch), `pen` sends
 * pointer events of type pen through CDP, `mouse` uses the mouse. By default: touch where the
 * device has it, else the mouse.
 */
export async function drawSignature(page: Page, canvas: Locator, pointer?: Pointer): Promise<void> {
	await canvas.scrollIntoViewIfNeeded();
	const box = await canvas.boundingBox();
	if (!box) throw new Error('the signature pad is not visible');
	const points = Array.from({ length: 24 }, (_, index) => {
		const t = index / 23;
		return {
			x: box.x + box.width * (0.1 + 0.8 * t),
			y: box.y + box.height * (0.5 + 0.3 * Math.sin(t * Math.PI * 3))
		};
	});
	const by =
		pointer ?? ((await page.evaluate(() => navigator.maxTouchPoints > 0)) ? 'touch' : 'mouse');
	const [first, ...rest] = points;
	if (by === 'mouse') {
		await page.mouse.move(first!.x, first!.y);
		await page.mouse.down();
		for (const point of rest) await page.mouse.move(point.x, point.y);
		await page.mouse.up();
		return;
	}
	const cdp = await page.context().newCDPSession(page);
	if (by === 'touch') {
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [first!] });
		for (const point of rest) {
			await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
		}
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	} else {
		const pen = { pointerType: 'pen' as const, button: 'left' as const, force: 0.6 };
		await cdp.send('Input.dispatchMouseEvent', {
			type: 'mousePressed',
			...first!,
			...pen,
			buttons: 1,
			clickCount: 1
		});
		for (const point of rest) {
			await cdp.send('Input.dispatchMouseEvent', {
				type: 'mouseMoved',
				...point,
				...pen,
				buttons: 1
			});
		}
		const last = rest.at(-1)!;
		await cdp.send('Input.dispatchMouseEvent', {
			type: 'mouseReleased',
			...last,
			...pen,
			buttons: 0,
			clickCount: 1
		});
	}
	await cdp.detach();
}

/** The service forms section of a notification's object page, and its form. */
export class ServiceFormPanel {
	constructor(private readonly page: Page) {}

	readonly section = () => this.page.getByTestId('service-forms');
	readonly form = () => this.section().locator('form');
	readonly field = (label: string) => this.form().getByLabel(label, { exact: true });
	readonly signaturePad = () => this.form().getByTestId('signature-canvas');
	readonly signatureError = () => this.form().locator('fieldset.signature').getByRole('alert');
	readonly message = () => this.form().getByTestId('onsite-form-message');
	readonly proposal = () => this.section().getByTestId('survey-proposal');
	readonly entry = (id: string) => this.section().getByTestId(`service-form-${id}`);
	readonly entries = () => this.section().locator('[data-testid^="service-form-"]');

	/** Opens a new service form. */
	async open(): Promise<void> {
		await this.section().getByRole('button', { name: '填写家具服务单' }).click();
		await this.field('服务内容').waitFor();
	}

	/** Types the form; with an acceptance, ticks it, types the name and draws the signature. */
	async fill(input: ServiceFormInput): Promise<void> {
		if (input.visitDate !== undefined) await this.field('服务日期').fill(input.visitDate);
		if (input.staff !== undefined) await this.field('服务人员').fill(input.staff);
		await this.field('服务内容').fill(input.workDone);
		if (input.partsUsed !== undefined) await this.field('使用零件').fill(input.partsUsed);
		if (input.result !== undefined) await this.field('处理结果').fill(input.result);
		if (input.surveyDone !== undefined)
			await this.field('现场勘察已完成').setChecked(input.surveyDone);
		if (input.acceptance) {
			await this.field('客户已验收并签名').check();
			await this.field('客户姓名').fill(input.acceptance.customerName);
			await this.sign();
		}
	}

	/** Draws a signature on the pad and waits until the pad says it is signed. */
	async sign(pointer?: Pointer): Promise<void> {
		await expect(this.form().getByRole('button', { name: '清除签名' })).toBeEnabled();
		await drawSignature(this.page, this.signaturePad(), pointer);
		await expect(this.form().getByTestId('signature-state')).toHaveText('已签名');
	}

	/** Saves the form and returns the id the app gave the record. */
	async save(): Promise<string> {
		await this.form().getByRole('button', { name: '保存', exact: true }).click();
		const toast = this.page.getByText(/^家具服务单 (\S+) 已保存。$/).last();
		await toast.waitFor();
		const id = /^家具服务单 (\S+) 已保存。$/.exec((await toast.textContent()) ?? '')?.[1] ?? '';
		await expect(this.form()).toHaveCount(0);
		return id;
	}

	/** Opens, fills and saves a new service form; returns its id. */
	async create(input: ServiceFormInput): Promise<string> {
		await this.open();
		await this.fill(input);
		return this.save();
	}

	/** Runs the KCJS proposal shown after a save with the survey done. */
	async applyProposal(): Promise<void> {
		await this.proposal()
			.getByRole('button', { name: /^设为 KCJS/ })
			.click();
		await expect(this.proposal()).toHaveCount(0);
	}

	/** Prints a service form and returns the download. */
	async print(id: string): Promise<Download> {
		const [download] = await Promise.all([
			this.page.waitForEvent('download'),
			this.entry(id).getByRole('button', { name: /^打印/ }).click()
		]);
		return download;
	}
}

/** The complaint forms section of a notification's object page, and its form. */
export class ComplaintFormPanel {
	constructor(private readonly page: Page) {}

	readonly section = () => this.page.getByTestId('complaints');
	readonly form = () => this.section().locator('form');
	readonly field = (label: string) => this.form().getByLabel(label, { exact: true });
	readonly paymentStatus = () => this.form().getByTestId('complaint-payment-status');
	readonly chooseInput = () => this.form().getByLabel('选择照片', { exact: true });
	readonly cameraInput = () => this.form().getByLabel('拍照', { exact: true });
	readonly photoAlert = () => this.form().locator('fieldset.photos').getByRole('alert');
	readonly thumbnails = () => this.form().locator('ul.thumbnails img');
	readonly message = () => this.form().getByTestId('onsite-form-message');
	readonly entry = (id: string) => this.section().getByTestId(`complaint-${id}`);

	/** Opens a new complaint form. */
	async open(): Promise<void> {
		await this.section().getByRole('button', { name: '填写客诉单' }).click();
		await this.field('客诉内容').waitFor();
	}

	/** Chooses photo files and waits until each is processed (a thumbnail or a refusal). */
	async addPhotos(paths: string[], via: 'files' | 'camera' = 'files'): Promise<void> {
		const before = await this.thumbnails().count();
		await (via === 'files' ? this.chooseInput() : this.cameraInput()).setInputFiles(paths);
		await expect(this.form().getByText('正在处理照片…')).toHaveCount(0);
		await expect
			.poll(async () => (await this.thumbnails().count()) + (await this.photoAlert().count()))
			.toBeGreaterThan(before);
	}

	/** Types the form and adds its photos. */
	async fill(input: ComplaintInput): Promise<void> {
		await this.field('客诉内容').fill(input.details);
		if (input.resolution)
			await this.field('要求的处理方式').selectOption({ label: input.resolution });
		if (input.cameraPhoto) await this.addPhotos([input.cameraPhoto], 'camera');
		if (input.photos?.length) await this.addPhotos(input.photos);
	}

	/** Saves the form and returns the id the app gave the record. */
	async save(): Promise<string> {
		await this.form().getByRole('button', { name: '保存', exact: true }).click();
		const toast = this.page.getByText(/^客诉单 (\S+) 已保存。$/).last();
		await toast.waitFor();
		const id = /^客诉单 (\S+) 已保存。$/.exec((await toast.textContent()) ?? '')?.[1] ?? '';
		await expect(this.form()).toHaveCount(0);
		return id;
	}

	/** Opens, fills and saves a new complaint form; returns its id. */
	async create(input: ComplaintInput): Promise<string> {
		await this.open();
		await this.fill(input);
		return this.save();
	}

	/**
	 * Prints a complaint form and returns the download; with `missingGlyphs`, the characters the
	 * font lacks are listed first and it prints with 〓 in their place.
	 */
	async print(id: string, options: { missingGlyphs?: string[] } = {}): Promise<Download> {
		const download = this.page.waitForEvent('download');
		await this.entry(id).getByRole('button', { name: /^打印/ }).click();
		if (options.missingGlyphs) {
			const dialog = this.entry(id).getByTestId('missing-glyphs');
			for (const char of options.missingGlyphs) await expect(dialog).toContainText(char);
			await dialog.getByRole('button', { name: '用 〓 代替并打印' }).click();
		}
		return download;
	}
}

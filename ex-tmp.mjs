import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const base = 'http://localhost:4499';
const ctx = await browser.newContext({ locale: 'zh-CN' });
const page = await ctx.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
await page.goto(base + '/');
await page.waitForURL(/setup/);
await page.getByLabel('责任中心', { exact: true }).fill('4002');
await page.getByLabel('责任中心名称', { exact: true }).fill('上海服务中心');
await page.getByLabel('设备代码', { exact: true }).fill('01');
await page.getByLabel('主管 PIN', { exact: true }).fill('4711');
await page.getByLabel('再次输入主管 PIN', { exact: true }).fill('4711');
await page.getByRole('button', { name: '开始使用' }).click();
await page.getByTestId('centre-badge').waitFor();
const v = '𠀀'.repeat(1000);
for (const q of ['createdFrom', 'numFrom', 'status', 'type', 'sort', 'cols', 'centre', 'responsible']) {
  await page.goto(base + '/notifications?' + q + '=' + encodeURIComponent(v));
  await page.waitForTimeout(700);
  const texts = await page.locator('[data-testid=list-problems]').allInnerTexts();
  console.log(q, texts.map((t) => t.length + ':' + t.slice(0, 80)));
}
console.log('errors', errors);
await browser.close();

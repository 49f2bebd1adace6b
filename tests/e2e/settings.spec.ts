import { test, expect } from './fixtures';

test.describe('Settings: the broker profile through every layer', () => {
  test('a broker fills the profile, switches language, reloads and finds everything persisted', async ({ page, app }) => {
    await page.goto(app.url);
    // The token leaves the address bar at once, as Jupyter does.
    await expect(page).toHaveURL(/#\/cases$/);
    expect(page.url()).not.toContain('token=');
    await page.getByRole('link', { name: 'Настройки' }).click();
    await expect(page).toHaveURL(/#\/settings$/);

    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.getByLabel('Брокер или название компании').fill('ТОО «Тамга Брокер»');
    await page.getByLabel('Номер лицензии или регистрации').fill('KZ-0457');
    await page.getByLabel('Адрес').fill('Хоргос, МЦПС «Хоргос»');
    await page.getByLabel('Телефон').fill('+7 701 555-12-34');
    await page.getByLabel('Текст внизу печатных документов').fill('Расчёт носит справочный характер.');
    await page.getByLabel('Страна по умолчанию').selectOption('RU');
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('сохран');

    // Kazakh re-renders the interface at once and is saved with the profile.
    // The switch re-renders at once and saves in the background: wait for the save before the
    // page or the backend goes away, as a broker's next click would.
    const saved = () => page.waitForResponse((r) => r.url().endsWith('/api/profile.save') && r.ok());
    await Promise.all([saved(), page.getByRole('button', { name: 'KZ', exact: true }).click()]);
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    await expect(page.getByText('Баптаулар').first()).toBeVisible();

    await page.reload();
    await expect(page).toHaveURL(/#\/settings$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
    await Promise.all([saved(), page.getByRole('button', { name: 'EN', exact: true }).click()]);
    await expect(page.getByLabel('Broker or company name')).toHaveValue('ТОО «Тамга Брокер»');

    // A restart of the backend on the same data folder: the profile comes back from SQLite.
    await app.restart();
    await page.goto(app.url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByLabel('Broker or company name')).toHaveValue('ТОО «Тамга Брокер»');
    await expect(page.getByLabel('Licence or registration number')).toHaveValue('KZ-0457');
    await expect(page.getByLabel('Default country')).toHaveValue('RU');
    await expect(page.getByLabel('Phone')).toHaveValue('+7 701 555-12-34');
  });

  test('validation messages name the field in the chosen language and nothing is saved', async ({ page, app }) => {
    await page.goto(app.url);
    await page.getByRole('link', { name: 'Настройки' }).click();
    await page.getByLabel('Телефон').fill('позвоните мне');
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    const name = page.getByLabel('Брокер или название компании');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Телефон')).toHaveAttribute('aria-invalid', 'true');

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByText(/required/i).first()).toBeVisible();

    const stored = await page.request.post(`${app.origin}/api/profile.get`, {
      headers: { 'x-tamga-token': app.token, 'content-type': 'application/json' },
      data: {},
    });
    expect(await stored.json()).toEqual({ ok: true, value: null });
  });

  test('the API refuses a call without the token and answers a malformed call with a typed error', async ({ page, app }) => {
    const noToken = await page.request.post(`${app.origin}/api/profile.get`, { headers: { 'content-type': 'application/json' }, data: {} });
    expect(noToken.status()).toBe(403);
    expect(await noToken.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const malformed = await page.request.post(`${app.origin}/api/profile.save`, {
      headers: { 'x-tamga-token': app.token, 'content-type': 'application/json' },
      data: { brokerName: ['not', 'a', 'string'], language: 'fr', __proto__: { admin: true } },
    });
    const body = await malformed.json();
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('invalid-argument');
    expect(body.error.issues.map((i: { field: string }) => i.field)).toEqual(expect.arrayContaining(['brokerName', 'language']));

    // From inside the page, a fetch without the token is refused too: the page itself does not grant access.
    await page.goto(app.url);
    const status = await page.evaluate(async () => (await fetch('/api/profile.get', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status);
    expect(status).toBe(403);
  });

  test('an external link opens outside and never replaces the app page', async ({ page, app, context }) => {
    await page.goto(app.url);
    await page.getByRole('link', { name: 'Настройки' }).click();
    await expect(page).toHaveURL(/#\/settings$/);
    const appUrl = page.url();
    const link = page.getByRole('link', { name: /Adilet|Әділет/i });
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);
    // The outside world is unreachable here; block it so the popup fails fast and offline.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const popupPromise = page.waitForEvent('popup');
    await link.click();
    const popup = await popupPromise;
    expect(popup).not.toBe(page);
    expect(page.url()).toBe(appUrl);
    await expect(page.getByLabel('Брокер или название компании')).toBeVisible();
  });
});

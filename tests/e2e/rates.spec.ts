import { test, expect } from './fixtures';

test.describe('Rates', () => {
  test('KZ-S2022 is listed as in force on 2026-03-01 and the KZ gaps are shown as gaps', async ({ page, app }) => {
    await page.goto(app.url);
    await page.getByRole('link', { name: 'Ставки' }).click();
    await expect(page).toHaveURL(/#\/rates$/);
    await page.getByLabel('Страна', { exact: true }).selectOption('KZ');
    await page.getByLabel('Действуют на дату').fill('2026-03-01');

    const row = page.getByRole('row').filter({ hasText: 'KZ-S2022' });
    await expect(row).toBeVisible();
    await expect(row).toContainText('действует');
    await expect(row).toContainText('14.05.2022');
    await expect(row.getByRole('link')).toHaveAttribute('href', /adilet\.zan\.kz/);
    // A schedule starting later (KZ-S2026-RB, from 07.05.2026) is not in effect on that date.
    await expect(page.getByRole('row').filter({ hasText: 'KZ-S2026-RB' })).toHaveCount(0);

    const gaps = page.getByRole('region', { name: 'Пробелы: нет известной ставки' });
    await expect(gaps.getByRole('listitem').first()).toBeVisible();

    // An empty date lists every period, the unconfirmed schedule included and marked as such.
    await page.getByLabel('Действуют на дату').fill('');
    const unconfirmed = page.getByRole('row').filter({ hasText: 'KZ-S2026-RB' });
    await expect(unconfirmed).toContainText('не подтверждён');
    await expect(unconfirmed).toHaveClass(/table__row--unconfirmed/);
  });
});

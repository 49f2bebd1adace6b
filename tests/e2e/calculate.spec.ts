import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** The fee line of the result panel (the big figure). */
const fee = (page: Page) => page.locator('.result__amount');

async function openCalculation(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('link', { name: 'Расчёт', exact: true }).click();
  await expect(page).toHaveURL(/#\/calculate$/);
  await expect(page.getByLabel('Страна расчёта')).toBeVisible();
}

test.describe('Quick calculation', () => {
  test('a KZ M1 1598 cm³ petrol car on 2026-03-01 costs 756 875,00 ₸ and is explained; English re-renders', async ({ page, app }) => {
    await openCalculation(page, app.url);
    await page.getByLabel('Страна расчёта').selectOption('KZ');
    // The rule date is typed as the broker writes it, whatever the computer's locale; a half-typed
    // date says what it expects.
    const ruleDate = page.getByLabel('Дата применения правил');
    await ruleDate.fill('01.03.202');
    await expect(page.getByText('Введите дату как дд.мм.гггг, например 01.03.2026')).toBeVisible();
    await ruleDate.fill('01.03.2026');
    await expect(page.getByText('Введите дату как дд.мм.гггг, например 01.03.2026')).toHaveCount(0);
    await page.getByLabel('Категория').selectOption('M1');
    await page.getByLabel('Тип двигателя').selectOption('ice');
    await page.getByLabel('Объём двигателя, см³').fill('1598');

    await expect(fee(page)).toHaveText('756\u00a0875,00\u00a0₸');
    await expect(ruleDate).toHaveValue('01.03.2026');
    const result = page.getByRole('region', { name: 'Результат' });
    await expect(result).toContainText('KZ-S2022');
    await expect(result).toContainText('базовая ставка 216\u00a0250 × коэффициент 3,5 = 756\u00a0875,00\u00a0₸');
    await expect(result).toContainText('№ 448');
    await expect(result.locator('.badge--confidence-high')).toBeVisible();

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByLabel('Engine displacement, cm³')).toHaveValue('1598');
    await expect(fee(page)).toHaveText('756,875.00\u00a0₸');
    await expect(page.getByRole('region', { name: 'Result' })).toContainText('base rate 216,250 × coefficient 3.5 = 756,875.00\u00a0₸');
  });

  test('an RU company car, 2.0 L 150 kW made in 2025, pays 20 000 × 47.64 from RU-M1-P-2026 with warnings listed', async ({ page, app }) => {
    // resources/rates/ru/RU-M1-P-2026.json: base 20 000 RUB, row cc1001-2000-kw139.75-161.81-le3,
    // coefficient 47.64 → 952 800 RUB.
    await openCalculation(page, app.url);
    await page.getByLabel('Страна расчёта').selectOption('RU');
    await page.getByLabel('Дата применения правил').fill('2026-03-01');
    await page.getByLabel('Объём двигателя, см³').fill('1998');
    await page.getByLabel('Мощность двигателя').fill('150');
    await page.getByLabel('Единица мощности').selectOption('kw');
    await page.getByLabel('Дата выпуска').fill('06.2025');
    await page.getByLabel('Ввозит').selectOption('company');

    await expect(fee(page)).toHaveText('952\u00a0800,00\u00a0₽');
    const result = page.getByRole('region', { name: 'Результат' });
    await expect(result).toContainText('RU-M1-P-2026');
    await expect(result).toContainText('коэффициент 47,64');
    const warnings = page.getByRole('region', { name: 'Предупреждения' });
    await expect(warnings.getByRole('listitem').first()).toBeVisible();
    // A month-only production date is completed by the engine, and the form says how.
    await expect(page.getByRole('region', { name: 'Допущения' })).toContainText('2025-06');
    await expect(page.locator('#calc-productionDate-hint')).toContainText('2025-06');
  });

  test('an invalid engine size is named beside the field and no fee is shown', async ({ page, app }) => {
    await openCalculation(page, app.url);
    await page.getByLabel('Страна расчёта').selectOption('KZ');
    await page.getByLabel('Дата применения правил').fill('2026-03-01');
    await page.getByLabel('Объём двигателя, см³').fill('1598');
    await expect(fee(page)).toBeVisible();

    await page.getByLabel('Объём двигателя, см³').fill('-5');
    const engine = page.getByLabel('Объём двигателя, см³');
    await expect(engine).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#calc-engineCc-error')).toContainText('-5');
    await expect(fee(page)).toHaveCount(0);
    await expect(page.locator('.result__errors')).toContainText('Объём двигателя, см³');
  });

  test('a case the data has no rate for reads "no rate known" plainly', async ({ page, app }) => {
    await openCalculation(page, app.url);
    await page.getByLabel('Страна расчёта').selectOption('RU');
    await page.getByLabel('Дата применения правил').fill('2026-03-01');
    await page.getByLabel('Категория').selectOption('N3');
    await page.getByLabel('Объём двигателя, см³').fill('12000');
    await page.getByLabel('Полная масса, кг').fill('30000');
    await page.getByLabel('Дата выпуска').fill('2025');
    await page.getByLabel('Ввозит').selectOption('company');

    const result = page.getByRole('region', { name: 'Результат' });
    await expect(result.getByText('Нет известной ставки', { exact: true })).toBeVisible();
    await expect(fee(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Result' }).getByText('No rate known', { exact: true })).toBeVisible();
  });

  test('the comparison shows personal use and company side by side', async ({ page, app }) => {
    await openCalculation(page, app.url);
    await page.getByLabel('Страна расчёта').selectOption('RU');
    await page.getByLabel('Дата применения правил').fill('2026-03-01');
    await page.getByLabel('Объём двигателя, см³').fill('1998');
    await page.getByLabel('Мощность двигателя').fill('150');
    await page.getByLabel('Дата выпуска').fill('2025');

    const table = page.getByRole('region', { name: 'Сравнение' }).getByRole('table');
    await expect(table.getByRole('rowheader', { name: /личного пользования/ })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: /юридическое лицо/ })).toBeVisible();
    const company = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /юридическое лицо/ }) });
    await expect(company).toContainText('952\u00a0800,00\u00a0₽');
    await expect(table.getByRole('rowheader', { name: /BY/ })).toBeVisible();
  });

  test('turning on the KZ RU/BY schedule in Settings changes the fee, persists across a restart and is stated', async ({ page, app }) => {
    const fillCar = async () => {
      await page.getByLabel('Страна расчёта').selectOption('KZ');
      await page.getByLabel('Дата применения правил').fill('2026-06-01');
      await page.getByLabel('Объём двигателя, см³').fill('1598');
      await page.getByLabel('Страна отправления').fill('RU');
    };
    await openCalculation(page, app.url);
    await fillCar();
    await expect(fee(page)).toHaveText('756\u00a0875,00\u00a0₸');
    await expect(page.getByRole('region', { name: 'Результат' })).toContainText('неподтверждённые ставки не применялись');
    await expect(page.getByRole('region', { name: 'Предупреждения' })).toContainText('KZ-S2026-RB');

    await page.getByRole('link', { name: 'Настройки' }).click();
    const box = page.getByRole('checkbox', { name: /KZ-S2026-RB/ });
    await expect(box).not.toBeChecked();
    await box.check();
    await expect(page.getByText('Выбор сохранён.')).toBeVisible();

    await app.restart();
    await page.goto(app.url);
    await page.getByRole('link', { name: 'Настройки' }).click();
    await expect(page.getByRole('checkbox', { name: /KZ-S2026-RB/ })).toBeChecked();

    await page.getByRole('link', { name: 'Расчёт', exact: true }).click();
    await fillCar();
    const result = page.getByRole('region', { name: 'Результат' });
    await expect(result).toContainText('KZ-S2026-RB');
    await expect(fee(page)).not.toHaveText('756\u00a0875,00\u00a0₸');
    await expect(result).toContainText('Применён неподтверждённый перечень KZ-S2026-RB');
    await expect(page.getByRole('region', { name: 'Допущения' })).toContainText('KZ-S2026-RB');
  });
});

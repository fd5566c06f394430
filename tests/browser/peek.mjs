// Ad-hoc: node tests/browser/peek.mjs "<query>" out.png [dark] — one screenshot for a look.
import { launchBrowser, openApp, screenshot, settle } from "./lib.mjs";

const [query = "", name = "peek.png", scheme = "light", clickText] = process.argv.slice(2);
const browser = await launchBrowser({ colorScheme: scheme });
try {
  const { page, errors } = await openApp(browser.context, query);
  await settle(page, 800);
  if (clickText) {
    await page.getByText(clickText, { exact: false }).first().click();
    await settle(page, 1200);
  }
  console.log(await screenshot(page, name));
  if (errors.length) console.log("errors:", errors);
} finally {
  await browser.close();
}

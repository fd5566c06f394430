// Screenshots of the main screens in en / zh-CN × light / dark, into tests/artifacts/screens/.
// Easiest: SCREENSHOTS=1 bash tests/browser/run.sh (starts and stops the preview).
// Or with a preview already running on 127.0.0.1:4173: node tests/browser/screenshots.mjs [screen]
import { launchBrowser, openApp, screenshot, settle } from "./lib.mjs";

const LANGUAGES = ["en", "zh-CN"];
const THEMES = ["light", "dark"];

const SCREENS = {
  "first-run": async (context, query) => {
    const { page } = await openApp(context, `firstrun=1&nokeychain=1&${query}`);
    await page.locator("main h1").waitFor();
    return page;
  },
  chat: async (context, query) => {
    const { page } = await openApp(context, query);
    await page.getByTestId("conversation-row").first().click();
    await page.getByTestId("message-scroller").locator("article").first().waitFor();
    await page.waitForTimeout(900);
    return page;
  },
  "chat-top": async (context, query) => {
    const { page } = await openApp(context, query);
    await page.getByTestId("conversation-row").first().click();
    const scroller = page.getByTestId("message-scroller");
    await scroller.locator("article").first().waitFor();
    await page.waitForTimeout(600);
    const box = await scroller.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let step = 0; step < 6; step++) {
      await page.mouse.wheel(0, -4000);
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(700);
    return page;
  },
  errors: async (context, query) => {
    const { page } = await openApp(context, query);
    await page.getByRole("button", { name: "Gateway errors", exact: true }).click();
    const alert = page.getByRole("alert").last();
    await alert.waitFor();
    await alert.getByRole("button", { name: query.includes("zh-CN") ? "详情" : "Details" }).click();
    await page.waitForTimeout(600);
    return page;
  },
  "errors-top": async (context, query) => {
    const { page } = await openApp(context, query);
    await page.getByRole("button", { name: "Gateway errors", exact: true }).click();
    const alert = page.getByRole("alert").first();
    await alert.waitFor();
    await alert.scrollIntoViewIfNeeded();
    await alert.getByRole("button", { name: query.includes("zh-CN") ? "详情" : "Details" }).click();
    await page.waitForTimeout(600);
    return page;
  },
  "provider-error": async (context, query) => {
    const { page } = await openApp(context, query);
    await page.getByTestId("conversation-list").waitFor();
    await page.keyboard.press("Control+,");
    await page.getByTestId("provider-row").filter({ hasText: "jiekou" }).click();
    const zh = query.includes("zh-CN");
    await page.getByRole("button", { name: zh ? "测试连接" : "Test connection" }).click();
    const alert = page.getByRole("alert").first();
    await alert.waitFor();
    await alert.getByRole("button", { name: zh ? "详情" : "Details" }).click();
    await page.waitForTimeout(300);
    return page;
  },
  "long-message": async (context, query) => {
    const { page } = await openApp(context, query);
    await page.getByRole("button", { name: "Why does this build fail?", exact: true }).click();
    await page.getByTestId("message-scroller").locator('article[data-role="user"]').waitFor();
    await page.waitForTimeout(600);
    return page;
  },
  params: async (context, query) => {
    const { page } = await openApp(context, query);
    await page.getByTestId("conversation-row").first().click();
    await page.getByTestId("system-prompt-chip").click();
    await page.locator("#param-systemPrompt").waitFor();
    await page.locator("#param-temperature").fill("0.4");
    await page.locator('aside form button[type="submit"]').click();
    await page.getByRole("status").locator("svg").waitFor();
    return page;
  },
  palette: async (context, query) => {
    const { page } = await openApp(context, query);
    await page.getByTestId("conversation-list").waitFor();
    await page.keyboard.press("Control+K");
    await page.keyboard.type(query.includes("zh-CN") ? "网关" : "re");
    await page.getByRole("option").first().waitFor();
    await page.waitForTimeout(300);
    return page;
  },
  search: async (context, query) => {
    const { page } = await openApp(context, query);
    await page.getByTestId("conversation-list").waitFor();
    await page.keyboard.press("Control+Shift+F");
    await page.keyboard.type(query.includes("zh-CN") ? "网关" : "gateway");
    await page.getByTestId("search-hit").first().waitFor();
    await page.waitForTimeout(400);
    return page;
  },
  providers: async (context, query) => {
    const { page } = await openApp(context, query);
    await page.getByTestId("conversation-list").waitFor();
    await page.keyboard.press("Control+,");
    await page.getByTestId("provider-row").nth(1).click();
    await page.getByTestId("provider-detail").waitFor();
    await page.waitForTimeout(300);
    return page;
  },
  general: async (context, query) => {
    const { page } = await openApp(context, query);
    await page.getByTestId("conversation-list").waitFor();
    await page.keyboard.press("Control+,");
    await page.getByTestId("provider-row").first().waitFor();
    await page.getByTestId("settings-nav-general").click();
    await page.getByTestId("about").waitFor();
    return page;
  },
};

const only = process.argv[2];
for (const lang of LANGUAGES) {
  for (const theme of THEMES) {
    const browser = await launchBrowser({ colorScheme: theme, locale: lang === "zh-CN" ? "zh-CN" : "en-US" });
    try {
      for (const [name, open] of Object.entries(SCREENS)) {
        if (only && !name.startsWith(only)) continue;
        const page = await open(browser.context, `lang=${lang}&theme=${theme}`);
        await settle(page, 200);
        console.log(await screenshot(page, `screens/${name}-${lang}-${theme}.png`));
      }
    } finally {
      await browser.close();
    }
  }
}
